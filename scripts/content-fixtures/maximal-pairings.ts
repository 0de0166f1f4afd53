/**
 * The maximal dataset's pairings (结对), relative to NOW (model.ts): one current and public, one ended, one
 * not to be shown, one that starts after NOW. Each school name is found nowhere else, so a test can tell
 * where a pairing shows. Every school and person is fictional.
 */
import { key, ref, type Doc } from './ids.ts'
import { MAXIMAL_IDS } from './maximal-shared.ts'
import { uuid } from './ids.ts'

const id = (name: string) => uuid(`maximal|pairing-${name}`)

export const PAIRING_IDS = {
  current: id('current'),
  ended: id('ended'),
  hidden: id('hidden'),
  upcoming: id('upcoming'),
}

export function maximalPairings(): Doc[] {
  const I = MAXIMAL_IDS
  const P = PAIRING_IDS
  return [
    {
      _id: P.current,
      _type: 'pairing',
      worker: ref(I.ma),
      school: '陇西县某实验小学（虚构结对学校）',
      prefecture: '定西市',
      county: '陇西县',
      since: '2024-09-01',
      activities: '劳模工作室进校园、劳动教育实践基地、每学期一次讲座（测试数据）',
      talks: [ref(I.heldSchool, { key: key(P.current, 'talk', 0), weak: true })],
      showOnSite: true,
    },
    {
      _id: P.ended,
      _type: 'pairing',
      worker: ref(I.zhang, { weak: true }),
      school: '兰州市某职业学校（虚构，已结束的结对）',
      prefecture: '兰州市',
      county: '城关区',
      since: '2021-03-01',
      until: '2025-07-10',
      activities: '每学年带学生参观车间一次（测试数据）',
      showOnSite: true,
    },
    {
      _id: P.hidden,
      _type: 'pairing',
      worker: ref(I.li),
      school: '天水市某中学（虚构，未获同意公开）',
      prefecture: '天水市',
      since: '2025-09-01',
      activities: '不应出现在网站上的结对内容（测试数据）',
      showOnSite: false,
    },
    {
      _id: P.upcoming,
      _type: 'pairing',
      worker: ref(I.zhang),
      school: '白银市某中学（虚构，尚未开始的结对）',
      prefecture: '白银市',
      since: '2026-09-01',
      activities: '下学期开始的结对（测试数据）',
      showOnSite: true,
    },
  ]
}
