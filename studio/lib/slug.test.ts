import { evaluate, parse } from 'groq-js'
import { describe, expect, it } from 'vitest'
import { DEFAULT_DATASET, loadDatasetFile } from '#domain/dataset'
import { API_VERSION } from '#domain/sanity'
import { schemaTypes } from '../schemaTypes'
import { slugFromName, slugFromTitle } from './pinyinSlug'
import { checkSlug, isUniqueSlug, nextFreeSlug, slugifyName, slugifyTitle, trimSlug } from './slug'

const docs = loadDatasetFile(DEFAULT_DATASET).documents as any[]

/** The subset of the Studio client isUniqueSlug uses, answering with groq-js over the sample dataset. */
const datasetClient = () => ({
  withConfig: () => ({
    fetch: async (query: string, params: Record<string, unknown>) =>
      (await evaluate(parse(query, { params }), { dataset: docs, params })).get(),
  }),
})
const offlineClient = () => ({
  withConfig: () => ({
    fetch: async () => {
      throw new Error('getaddrinfo ENOTFOUND laomo-sample.api.sanity.io')
    },
  }),
})
const check = (slug: string, document: Record<string, unknown>, getClient: () => unknown = datasetClient) =>
  isUniqueSlug(slug, { document, getClient } as any)

describe('isUniqueSlug', () => {
  const worker = docs.find((d) => d._type === 'modelWorker')
  const other = docs.find((d) => d._type === 'modelWorker' && d._id !== worker._id)

  it('rejects a slug another document of the same type already has', async () => {
    expect(await check(worker.slug.current, { _id: 'drafts.worker-new', _type: 'modelWorker' })).toBe(false)
    expect(await check(worker.slug.current, { _id: other._id, _type: 'modelWorker' })).toBe(false)
  })

  it('accepts a document’s own slug (published or draft) and slugs of other types', async () => {
    expect(await check(worker.slug.current, { _id: worker._id, _type: 'modelWorker' })).toBe(true)
    expect(await check(worker.slug.current, { _id: `drafts.${worker._id}`, _type: 'modelWorker' })).toBe(true)
    expect(await check(worker.slug.current, { _id: 'story-new', _type: 'story' })).toBe(true)
    expect(await check('no-such-slug-anywhere', { _id: 'worker-new', _type: 'modelWorker' })).toBe(true)
  })

  it('cannot tell when Sanity is out of reach, and says so by not blocking', async () => {
    expect(await check(worker.slug.current, { _id: 'worker-new', _type: 'modelWorker' }, offlineClient)).toBe(true)
  })
})

describe('schema slugs', () => {
  const slugField = (type: string): any =>
    (schemaTypes.find((t: any) => t.name === type) as any).fields.find((f: any) => f.name === 'slug')

  it('every slug field checks uniqueness with isUniqueSlug', () => {
    const slugFields = schemaTypes.flatMap((type: any) =>
      (type.fields ?? []).filter((f: any) => f.type === 'slug').map((f: any) => ({ type: type.name, field: f })),
    )
    expect(slugFields.map((s) => s.type).sort()).toEqual(['modelWorker', 'story', 'tour'])
    for (const { field } of slugFields) expect(field.options?.isUnique).toBe(isUniqueSlug)
  })

  it('generates pinyin: names for model workers, titles for stories and tours, within maxLength', () => {
    expect(slugField('modelWorker').options).toMatchObject({ source: 'name', maxLength: 64, slugify: slugifyName })
    expect(slugField('story').options).toMatchObject({ source: 'title', maxLength: 80, slugify: slugifyTitle })
    expect(slugField('tour').options).toMatchObject({ source: 'title', maxLength: 64, slugify: slugifyTitle })
  })

  it('every slug field is required, errs on URL-breaking characters and warns about others', () => {
    /** A stand-in for Sanity's Rule that records each chain of calls (and the custom validator). */
    const rule = (calls: string[] = [], fn?: (value: unknown) => unknown): any =>
      new Proxy(
        {},
        {
          get: (_, key) =>
            key === 'calls'
              ? calls
              : key === 'fn'
                ? fn
                : (arg: any) => rule([...calls, String(key)], fn ?? (key === 'custom' ? arg : undefined)),
        },
      )
    for (const type of ['modelWorker', 'story', 'tour']) {
      const rules = slugField(type).validation(rule()) as any[]
      expect(rules.map((r) => r.calls.join('.'))).toEqual(['required.error', 'custom.error', 'custom.warning'])
      const [, error, warning] = rules
      expect(error.fn({ current: 'a/b' })).toMatch(/^网址标识不能包含“\/”/)
      expect(error.fn({ current: 'Zhang' })).toBe(true)
      expect(error.fn(undefined)).toBe(true)
      expect(warning.fn({ current: 'Zhang' })).toMatch(/^网址标识含有“Z”/)
      expect(warning.fn({ current: 'a/b' })).toBe(true)
      expect(warning.fn({ current: 'zhang' })).toBe(true)
    }
  })
})

describe('slugFromName', () => {
  it('splits surname and given name', () => {
    expect(slugFromName('张红梅')).toBe('zhang-hongmei')
    expect(slugFromName('陈静')).toBe('chen-jing')
    expect(slugFromName('曾国藩')).toBe('zeng-guofan')
  })

  it('splits a four-character name 2+2 (Tibetan and other ethnic names, double surnames)', () => {
    expect(slugFromName('才让卓玛')).toBe('cairang-zhuoma')
    expect(slugFromName('张王红梅')).toBe('zhangwang-hongmei')
    // Four characters, no compound surname: read as an ethnic name, not with the surname 单 (shan).
    expect(slugFromName('单增曲扎')).toBe('danzeng-quzha')
  })

  it('keeps compound surnames together', () => {
    expect(slugFromName('欧阳修')).toBe('ouyang-xiu')
    expect(slugFromName('司马相如')).toBe('sima-xiangru')
    expect(slugFromName('长孙无忌')).toBe('zhangsun-wuji')
    expect(slugFromName('尉迟恭')).toBe('yuchi-gong')
    expect(slugFromName('万俟卨')).toBe('moqi-xie')
    expect(slugFromName('诸葛亮')).toBe('zhuge-liang')
    expect(slugFromName('司马')).toBe('sima')
    // A rare compound whose first character is a common surname reads as that surname.
    expect(slugFromName('宗政军')).toBe('zong-zhengjun')
  })

  it('reads polyphonic surnames as surnames (pinyin-pro surname mode)', () => {
    expect(slugFromName('单雄信')).toBe('shan-xiongxin')
    expect(slugFromName('曾')).toBe('zeng')
    expect(slugFromName('解缙')).toBe('xie-jin')
    expect(slugFromName('区志航')).toBe('ou-zhihang')
    expect(slugFromName('朴')).toBe('piao')
    expect(slugFromName('查')).toBe('zha')
    expect(slugFromName('仇')).toBe('qiu')
    expect(slugFromName('盖')).toBe('ge')
    expect(slugFromName('缪')).toBe('miao')
    expect(slugFromName('乐')).toBe('yue')
    expect(slugFromName('吕')).toBe('lv')
  })

  it('keeps the parts of a name written with a middle dot or spaces', () => {
    expect(slugFromName('阿依古丽·买买提')).toBe('ayiguli-maimaiti')
    expect(slugFromName('阿依古丽.买买提')).toBe('ayiguli-maimaiti')
    expect(slugFromName('爱新觉罗·溥仪')).toBe('aixinjueluo-puyi')
    expect(slugFromName('张 红梅')).toBe('zhang-hongmei')
  })

  it('keeps digits and Latin letters', () => {
    expect(slugFromName('才让卓玛 2024')).toBe('cairang-zhuoma-2024')
    expect(slugFromName('Li Na')).toBe('li-na')
    expect(slugFromName('José 李')).toBe('jose-li')
    expect(slugFromName('２０２４')).toBe('2024')
  })

  it('gives "" when nothing is usable', () => {
    for (const name of ['', '   ', '！！', '🚀', '𠮷']) expect(slugFromName(name)).toBe('')
  })

  it('matches the hand-made slugs of the sample model workers', () => {
    const workers = docs.filter((d) => d._type === 'modelWorker')
    expect(workers.length).toBeGreaterThan(0)
    for (const w of workers) expect(slugFromName(w.name, 64)).toBe(w.slug.current)
  })
})

describe('slugFromTitle', () => {
  it('joins the pinyin of each word with hyphens', () => {
    expect(slugFromTitle('劳模精神进校园')).toBe('laomo-jingshen-jin-xiaoyuan')
    expect(slugFromTitle('劳模工匠进企业')).toBe('laomo-gongjiang-jin-qiye')
    expect(slugFromTitle('劳模宣讲进社区')).toBe('laomo-xuanjiang-jin-shequ')
    expect(slugFromTitle('绿色发展·乡村振兴')).toBe('lvse-fazhan-xiangcun-zhenxing')
  })

  it('reads polyphonic characters in context', () => {
    expect(slugFromTitle('重庆长江大桥的守护者')).toBe('chongqing-changjiang-da-qiao-de-shouhuzhe')
    expect(slugFromTitle('银行行长')).toBe('yinhang-hangzhang')
  })

  it('drops punctuation, emoji and symbols; keeps digits and Latin letters', () => {
    expect(slugFromTitle('“大国工匠”走进2024年《劳模课堂》——第一站')).toBe(
      'daguo-gongjiang-zoujin-2024-nian-laomo-ketang-diyi-zhan',
    )
    expect(slugFromTitle('“五一”前后劳模宣讲综述')).toBe('wuyi-qianhou-laomo-xuanjiang-zongshu')
    expect(slugFromTitle('工匠精神，薪火相传。')).toMatch(/^gongjiang-jingshen-[a-z-]+[a-z]$/)
    expect(slugFromTitle('AI赋能新质生产力🚀')).toBe('ai-fu-neng-xin-zhi-shengchan-li')
    expect(slugFromTitle('Hello,  World!!')).toBe('hello-world')
    for (const title of ['', '—— 🚀 ——', '《》']) expect(slugFromTitle(title)).toBe('')
  })

  it('trims to maxLength at a hyphen', () => {
    const title = '劳模进企业、进校园、进社区举办报告会213场（次）'
    expect(slugFromTitle(title)).toBe('laomo-jin-qiye-jin-xiaoyuan-jin-shequ-juban-baogao-hui-213-chang-ci')
    expect(slugFromTitle(title, 40)).toBe('laomo-jin-qiye-jin-xiaoyuan-jin-shequ')
    expect(slugFromTitle(title, 38)).toBe('laomo-jin-qiye-jin-xiaoyuan-jin-shequ')
  })

  it('only ever gives [a-z0-9-], without leading, trailing or double hyphens', () => {
    const titles = docs.filter((d) => d._type === 'story' || d._type === 'tour').map((d) => d.title)
    for (const title of [...titles, '—A—b— ｃ ·· ①②③ é ß Ω ㈱ 〇 ❤️']) {
      for (const max of [undefined, 80, 64, 12]) {
        const slug = slugFromTitle(title, max)
        expect(slug).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*)?$/)
        if (max) expect(slug.length).toBeLessThanOrEqual(max)
      }
    }
  })
})

describe('trimSlug', () => {
  it('cuts at the last hyphen that fits, never ending on one', () => {
    expect(trimSlug('laomo-jingshen', 64)).toBe('laomo-jingshen')
    expect(trimSlug('laomo-jingshen-jin', 14)).toBe('laomo-jingshen')
    expect(trimSlug('laomo-jingshen-jin', 15)).toBe('laomo-jingshen')
    expect(trimSlug('laomo-jingshen-jin', 13)).toBe('laomo')
    expect(trimSlug('laomojingshen', 5)).toBe('laomo')
  })
})

describe('nextFreeSlug', () => {
  it('keeps a free slug and numbers a taken one from 2', () => {
    expect(nextFreeSlug('zhang-hongmei', [])).toBe('zhang-hongmei')
    expect(nextFreeSlug('zhang-hongmei', ['zhang-hongmei-2'])).toBe('zhang-hongmei')
    expect(nextFreeSlug('zhang-hongmei', ['zhang-hongmei'])).toBe('zhang-hongmei-2')
    expect(nextFreeSlug('zhang-hongmei', new Set(['zhang-hongmei', 'zhang-hongmei-2', 'zhang-hongmei-4']))).toBe(
      'zhang-hongmei-3',
    )
  })

  it('makes room for the suffix within maxLength', () => {
    expect(nextFreeSlug('laomo-jingshen-jin', ['laomo-jingshen-jin'], 18)).toBe('laomo-jingshen-2')
    expect(nextFreeSlug('laomo-jingshen-jin', ['laomo-jingshen-jin'], 20)).toBe('laomo-jingshen-jin-2')
  })
})

describe('slugifyName / slugifyTitle (the Studio’s “生成”)', () => {
  const slugType = (maxLength: number) => ({ name: 'slug', options: { maxLength } }) as any
  /** A client that answers from a fixed dataset with groq-js, recording how it was asked. */
  const fakeClient = (dataset: any[]) => {
    const calls: any[] = []
    const getClient = (options: unknown) => {
      calls.push({ getClient: options })
      return {
        withConfig: (config: unknown) => {
          calls.push({ withConfig: config })
          return {
            fetch: async (query: string, params: Record<string, unknown>) =>
              (await evaluate(parse(query, { params }), { dataset, params })).get(),
          }
        },
      }
    }
    return { getClient, calls }
  }
  const context = (parent: Record<string, unknown>, getClient: unknown) =>
    ({ parent, parentPath: [], getClient }) as any

  it('appends -2, -3, … when another document of the type has the slug', async () => {
    const { getClient, calls } = fakeClient([
      ...docs,
      { _id: 'drafts.worker-other', _type: 'modelWorker', slug: { current: 'zhang-hongmei-2' } },
      { _id: 'story-zhang', _type: 'story', slug: { current: 'zhang-hongmei-3' } },
    ])
    const doc = { _id: 'drafts.worker-new', _type: 'modelWorker' }
    expect(await slugifyName('张红梅', slugType(64), context(doc, getClient))).toBe('zhang-hongmei-3')
    expect(await slugifyName('才让卓玛', slugType(64), context(doc, getClient))).toBe('cairang-zhuoma-2')
    expect(await slugifyName('欧阳修', slugType(64), context(doc, getClient))).toBe('ouyang-xiu')
    expect(calls).toContainEqual({ getClient: { apiVersion: API_VERSION } })
    expect(calls).toContainEqual({ withConfig: { maxRetries: 0, timeout: 5000 } })
  })

  it('does not count the document’s own published, draft or version copy', async () => {
    const { getClient } = fakeClient(docs)
    for (const _id of ['worker-zhang-hongmei', 'drafts.worker-zhang-hongmei', 'versions.r1.worker-zhang-hongmei']) {
      expect(await slugifyName('张红梅', slugType(64), context({ _id, _type: 'modelWorker' }, getClient))).toBe(
        'zhang-hongmei',
      )
    }
    const tour = { _id: 'drafts.tour-new', _type: 'tour' }
    expect(await slugifyTitle('劳模精神进校园', slugType(64), context(tour, getClient))).toBe(
      'laomo-jingshen-jin-xiaoyuan-2',
    )
    // Slugs are unique per type: a story may share a tour's slug.
    const story = { _id: 'drafts.story-new', _type: 'story' }
    expect(await slugifyTitle('劳模精神进校园', slugType(80), context(story, getClient))).toBe(
      'laomo-jingshen-jin-xiaoyuan',
    )
  })

  it('keeps the suffixed slug within the field’s maxLength', async () => {
    const { getClient } = fakeClient([{ _id: 'tour-a', _type: 'tour', slug: { current: 'laomo-jingshen-jin' } }])
    const doc = { _id: 'tour-b', _type: 'tour' }
    expect(await slugifyTitle('劳模精神进校园', slugType(18), context(doc, getClient))).toBe('laomo-jingshen-2')
  })

  it('returns the base slug offline, and "" for nothing usable', async () => {
    const doc = { _id: 'drafts.worker-new', _type: 'modelWorker' }
    expect(await slugifyName('张红梅', slugType(64), context(doc, offlineClient))).toBe('zhang-hongmei')
    const { getClient, calls } = fakeClient(docs)
    expect(await slugifyName('🚀', slugType(64), context(doc, getClient))).toBe('')
    expect(calls).toEqual([])
  })
})

describe('checkSlug (hand-typed slugs)', () => {
  it('accepts lowercase pinyin, digits and hyphens', () => {
    for (const slug of ['zhang-hongmei', 'cairang-zhuoma-2024', 'a', undefined, '']) expect(checkSlug(slug)).toBeNull()
  })

  it('errs on characters that break a URL path', () => {
    for (const slug of [
      'a/b',
      'a?b',
      'a#b',
      '50%',
      'a\\b',
      'zhang hongmei',
      'a\tb',
      'a\nb',
      'a\u3000b',
      'a\u0000b',
      'a\u200bb',
      '.',
      '..',
    ]) {
      expect(checkSlug(slug)?.level, slug).toBe('error')
    }
    expect(checkSlug('zhang hongmei/2')?.message).toBe(
      '网址标识不能包含空格、“/”，否则网址会出错。请删除，或点“生成”重新填写。',
    )
  })

  it('warns (only) about capitals, Chinese and other characters', () => {
    expect(checkSlug('Zhang-HongMei')).toEqual({
      level: 'warning',
      message: '网址标识含有“Z”“H”“M”字符。建议只用小写拼音字母、数字和连字符，便于分享和输入。',
    })
    expect(checkSlug('张红梅')?.level).toBe('warning')
    expect(checkSlug('a_b.c')?.level).toBe('warning')
    expect(checkSlug('ÀÉÎ!@$^&*')?.message).toMatch(/^网址标识含有“À”“É”“Î”“!”“@”等字符。/)
  })
})
