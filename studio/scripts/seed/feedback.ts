/**
 * Schools' feedback on held school talks (talkFeedback): most approved, so the sample's profiles and /stats/
 * show 学校反馈; a few awaiting review. Drawn from each talk's id (hashInt), not from the shared random
 * stream, so adding them moves nothing else in the sample. The schools' words are written for the sample.
 */
import { assertIn } from './guards.ts'
import { ref, type Json } from './portable-text.ts'
import { hashInt } from './random.ts'
import type { Talk } from './talks.ts'

const QUOTES = [
  '学生们第一次这样近距离听劳模讲自己的故事。（示例反馈）',
  '讲到技术革新的细节时，同学们听得格外认真。（示例反馈）',
  '报告会后不少学生来问职业院校的专业选择。（示例反馈）',
  '朴实的语言比任何说教都更能打动孩子。（示例反馈）',
]
const COMMENTS = [
  '报告内容很好，建议多留一些提问时间。（示例反馈，不公开）',
  '学生反响热烈，希望下学期再邀请。（示例反馈，不公开）',
  '音响设备一般，后排听不太清。（示例反馈，不公开）',
]
const HIGHLIGHTS = ['story', 'relevant', 'interaction', 'career', 'craft', 'length']

/** The stages a school's name suggests (the sample's venues say 小学, 中学, 职业…, 大学/学院). */
function bandsOf(name: string): string[] {
  if (name.includes('小学')) return ['primary']
  if (name.includes('职业') || name.includes('技工')) return ['vocational']
  if (name.includes('大学') || name.includes('学院')) return ['university']
  if (name.includes('初级中学') || name.includes('初中')) return ['junior']
  return ['junior', 'senior']
}

export function buildFeedback(talks: Talk[]): Json[] {
  const held = talks.filter((t) => t.draft.status === 'held' && t.draft.venue.type === 'school')
  return held.flatMap((t) => {
    const h = hashInt(`feedback|${t.id}`)
    if (h % 5 >= 3) return [] // about three schools in five answer
    const id = `talkFeedback-${t.id}`
    const audience = t.audienceSize ?? 200
    return [
      {
        _id: id,
        _type: 'talkFeedback',
        approved: h % 7 !== 0,
        talk: { ...ref(t.id), _weak: true },
        rating: 3 + (h % 3),
        students: Math.max(20, Math.round((audience * (70 + (h % 30))) / 100)),
        gradeBands: bandsOf(t.draft.venue.name).map((b) => assertIn('gradeBand', b)),
        highlights: HIGHLIGHTS.filter((_, i) => (h >> i) & 1),
        inviteAgain: h % 11 === 0 ? 'maybe' : 'yes',
        comment: COMMENTS[h % COMMENTS.length],
        ...(h % 4 === 0 ? { quote: QUOTES[(h >> 3) % QUOTES.length] } : {}),
        receivedAt: new Date(Date.parse(t.endsAt) + (2 + (h % 10)) * 86_400_000).toISOString(),
        linkIssuedAt: new Date(Date.parse(t.endsAt) + 86_400_000).toISOString(),
      },
    ]
  })
}
