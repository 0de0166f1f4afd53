/**
 * Pinyin slugs for the Studio's "生成". Sanity's default slugify (speakingurl) drops Chinese
 * entirely (张红梅 → ""), so names and titles are read with pinyin-pro. Loaded on demand by slug.ts.
 */
import { pinyin } from 'pinyin-pro'
import { trimSlug } from './slug'

const PINYIN_OPTIONS = { toneType: 'none', type: 'array', v: true } as const

/**
 * Compound surnames from pinyin-pro's surname table (the 百家姓 list; the library keeps it
 * private), plus 独孤. Left out: 宗政, 段干, 乐正 — their first character is a common surname
 * and the second a common given-name character, so 宗政军 is far more likely 宗 + 政军.
 */
const COMPOUND_SURNAMES = new Set(
  (
    '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 令狐 长孙 宇文 司徒 夏侯 轩辕 端木 呼延 南宫 ' +
    '西门 独孤 第五 万俟 闻人 赫连 公羊 澹台 公冶 濮阳 淳于 太叔 申屠 仲孙 钟离 鲜于 闾丘 司空 ' +
    '亓官 司寇 仉督 子车 颛孙 巫马 公西 漆雕 壤驷 公良 拓跋 夹谷 宰父 榖梁 百里 东郭 南门 羊舌 ' +
    '梁丘 左丘 东门 句龙 毌丘'
  ).split(' '),
)

/** Separators that mark the parts of a transliterated name (阿依古丽·买买提), after NFKD. */
const NAME_DOTS = /[.·・•‧∙⋅-]/u

interface Token {
  kind: 'han' | 'latin' | 'sep'
  text: string
}

/**
 * Han runs, ASCII letter/digit runs and everything else. NFKD first so full-width ２０２４ and
 * Ａ become ASCII and accents drop off Latin letters (José → jose) instead of the whole letter.
 */
function tokenize(text: string): Token[] {
  const plain = text.normalize('NFKD').replace(/\p{M}/gu, '')
  return Array.from(plain.matchAll(/(\p{Script=Han}+)|([A-Za-z0-9]+)|[^\p{Script=Han}A-Za-z0-9]+/gu), (m) => ({
    kind: m[1] ? 'han' : m[2] ? 'latin' : 'sep',
    text: m[0],
  }))
}

/** Lowercase [a-z0-9] only: pinyin-pro returns characters it has no reading for (e.g. 𠮷) as is. */
const clean = (part: string) => part.toLowerCase().replace(/[^a-z0-9]/g, '')

/** Join cleaned parts with single hyphens; empty parts vanish. */
function joinParts(parts: string[], maxLength?: number): string {
  const slug = parts.map(clean).filter(Boolean).join('-')
  return maxLength ? trimSlug(slug, maxLength) : slug
}

/** Toneless syllables of a Han run, one per character. */
const syllables = (han: string, surname = false): string[] =>
  pinyin(han, surname ? { ...PINYIN_OPTIONS, mode: 'surname', surname: 'head' } : PINYIN_OPTIONS)

/**
 * Surname + given name of a Chinese name, each its syllables run together. Compound surnames
 * split 2+rest; other names of four or more characters also 2+rest (才让卓玛: Tibetan and other
 * ethnic names, or a double surname like 张王), read without surname mode so that 单增曲扎
 * stays danzeng-quzha rather than taking the surname reading "shan". Otherwise 1+rest, the
 * surname read in surname mode (单 → shan, 曾 → zeng, 解 → xie).
 */
function nameParts(han: string): string[] {
  const chars = Array.from(han)
  const compound = chars.length >= 2 && COMPOUND_SURNAMES.has(chars[0] + chars[1])
  if (!compound && chars.length >= 4) {
    const all = syllables(han)
    return [all.slice(0, 2).join(''), all.slice(2).join('')]
  }
  const cut = compound ? 2 : 1
  const surname = syllables(chars.slice(0, cut).join(''), true).join('')
  return chars.length > cut ? [surname, syllables(chars.slice(cut).join('')).join('')] : [surname]
}

/**
 * Slug for a person's name: `张红梅` → `zhang-hongmei`, `欧阳修` → `ouyang-xiu`, `才让卓玛 2024` →
 * `cairang-zhuoma-2024`. A name already split into parts (middle dot, or several Chinese runs
 * separated by spaces) keeps its parts: `阿依古丽·买买提` → `ayiguli-maimaiti`.
 */
export function slugFromName(name: string, maxLength?: number): string {
  const tokens = tokenize(name)
  const hanRuns = tokens.filter((t) => t.kind === 'han').length
  const splitName = hanRuns === 1 && !tokens.some((t) => t.kind === 'sep' && NAME_DOTS.test(t.text))
  const parts = tokens.flatMap((t) =>
    t.kind === 'latin'
      ? [t.text]
      : t.kind === 'sep'
        ? []
        : splitName
          ? nameParts(t.text)
          : [syllables(t.text).join('')],
  )
  return joinParts(parts, maxLength)
}

/** Chinese word boundaries from the platform's ICU dictionary (pinyin-pro's `segment` only knows polyphonic words). */
const wordSegmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null

/**
 * Pinyin words of a Han run: syllables read over the whole run (so 重庆 → chongqing, 行长 →
 * hangzhang), grouped by word (`劳模精神进校园` → laomo jingshen jin xiaoyuan). Without
 * Intl.Segmenter, one part per syllable.
 */
function titleParts(han: string): string[] {
  const all = syllables(han)
  const chars = Array.from(han)
  if (!wordSegmenter || all.length !== chars.length) return all
  let i = 0
  return Array.from(wordSegmenter.segment(han), ({ segment }) => {
    const n = Array.from(segment).length
    i += n
    return all.slice(i - n, i).join('')
  })
}

/**
 * Slug for a title: pinyin words joined by hyphens; punctuation, emoji and symbols dropped;
 * digits and Latin letters kept. `劳模精神进校园` → `laomo-jingshen-jin-xiaoyuan`.
 */
export function slugFromTitle(title: string, maxLength?: number): string {
  const parts = tokenize(title).flatMap((t) =>
    t.kind === 'han' ? titleParts(t.text) : t.kind === 'latin' ? [t.text] : [],
  )
  return joinParts(parts, maxLength)
}
