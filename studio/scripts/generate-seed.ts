/**
 * Deterministic sample dataset for 劳模宣讲 (Laomo).
 *
 *   npx node studio/scripts/generate-seed.ts
 *   npx sanity dataset import studio/seed/data.ndjson <dataset>
 *
 * Writes `studio/seed/data.ndjson` (Sanity's import format: one document per line, images as
 * `_sanityAsset: "image@file://./images/<name>.jpg"`) and the placeholder JPEGs in
 * `studio/seed/images/`. Everything comes from a seeded PRNG and fixed dates, so two runs give
 * byte-identical output.
 *
 * Real people: only 闫桂珍 and 新志强, who are named in the source article
 * 《凝聚起建设幸福美好新甘肃的磅礴力量——甘肃工会工作创新发展纪实》, and only with what its photo
 * captions state. Every other person is fictional (`fictional: true`) and says so in the bio.
 * Every image is a generated placeholder that says so on its face (`placeholder: true`).
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import { PREFECTURES } from '#domain/region'
import type { County, Prefecture } from '#domain/region'
import { GRADE_BANDS, HONOUR_LEVELS, REQUEST_STATUSES, SECTORS, TALK_STATUSES, VENUE_TYPES } from '#domain/vocabulary'

const HERE = dirname(fileURLToPath(import.meta.url))
// An output folder may be given (tests regenerate into a temp folder and compare).
const SEED_DIR = process.argv[2] ? resolve(process.argv[2]) : join(HERE, '..', 'seed')
const IMAGE_DIR = join(SEED_DIR, 'images')

const SOURCE_ARTICLE = '《凝聚起建设幸福美好新甘肃的磅礴力量——甘肃工会工作创新发展纪实》（康劲 冯继波 王小虎）'
const PLACEHOLDER_CREDIT = '示例占位图（程序生成）'

// ---------------------------------------------------------------------------------------------
// Determinism helpers
// ---------------------------------------------------------------------------------------------

/** mulberry32: tiny, fast, good enough for sample data. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const rand = mulberry32(0x213_0931)
const randInt = (min: number, max: number): number => min + Math.floor(rand() * (max - min + 1))
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]
function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[items[i], items[j]] = [items[j], items[i]]
  }
  return items
}
function weightedPick<T>(items: readonly T[], weight: (item: T) => number): T {
  const total = items.reduce((sum, item) => sum + weight(item), 0)
  let r = rand() * total
  for (const item of items) {
    r -= weight(item)
    if (r < 0) return item
  }
  return items[items.length - 1]
}

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex')
/** Deterministic `_key` for array items: a short hash of where the item lives. */
const key = (...parts: (string | number)[]): string => sha1(parts.join('|')).slice(0, 12)
const hashInt = (text: string): number => parseInt(sha1(text).slice(0, 8), 16)

const round5 = (n: number): number => Math.round(n * 1e5) / 1e5

// ---------------------------------------------------------------------------------------------
// Dates (all fixed; China Standard Time is UTC+8, no DST)
// ---------------------------------------------------------------------------------------------

const DAY = 86_400_000
const dayNumber = (iso: string): number => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY
const isoDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10)
const weekday = (day: number): number => new Date(day * DAY).getUTCDay() // 0 = Sunday
/** China wall-clock date + "HH:MM" → ISO UTC string without milliseconds. */
function chinaTimeToUtc(date: string, hhmm: string, plusMinutes = 0): string {
  const [h, m] = hhmm.split(':').map(Number)
  const ms = dayNumber(date) * DAY + (h * 60 + m - 8 * 60 + plusMinutes) * 60_000
  return new Date(ms).toISOString().replace('.000Z', 'Z')
}

/** Closed to every talk: Spring Festival weeks, 五一 and 国庆 holidays. */
const PUBLIC_HOLIDAYS: [string, string][] = [
  ['2025-01-27', '2025-02-06'],
  ['2025-05-01', '2025-05-05'],
  ['2025-10-01', '2025-10-08'],
  ['2026-02-14', '2026-02-24'],
  ['2026-05-01', '2026-05-05'],
  ['2026-10-01', '2026-10-08'],
  ['2027-02-05', '2027-02-13'],
  ['2027-05-01', '2027-05-05'],
  ['2027-10-01', '2027-10-07'],
]
/** Closed to school talks: winter and summer vacations. */
const SCHOOL_VACATIONS: [string, string][] = [
  ['2025-01-15', '2025-02-20'],
  ['2025-07-08', '2025-08-31'],
  ['2026-01-15', '2026-03-01'],
  ['2026-07-08', '2026-08-31'],
  ['2027-01-15', '2027-02-24'],
  ['2027-07-08', '2027-08-31'],
]
const inRanges = (day: number, ranges: [string, string][]): boolean =>
  ranges.some(([a, b]) => day >= dayNumber(a) && day <= dayNumber(b))

type VenueType = 'enterprise' | 'school' | 'community'

function dayAllowed(day: number, type: VenueType): boolean {
  const wd = weekday(day)
  if (wd === 0) return false
  if (wd === 6 && type !== 'community') return false
  if (inRanges(day, PUBLIC_HOLIDAYS)) return false
  if (type === 'school' && inRanges(day, SCHOOL_VACATIONS)) return false
  return true
}

/** Stratified date: slot `index` of `count` in [from, to], nudged to the nearest allowed day. */
function slotDate(from: string, to: string, index: number, count: number, type: VenueType): string {
  const first = dayNumber(from)
  const last = dayNumber(to)
  const span = last - first + 1
  const base = first + Math.floor(((index + rand()) * span) / count)
  for (let d = 0; d < 60; d++) {
    for (const candidate of [base + d, base - d]) {
      if (candidate >= first && candidate <= last && dayAllowed(candidate, type)) return isoDay(candidate)
    }
  }
  throw new Error(`no allowed day near ${isoDay(base)} for ${type}`)
}

// ---------------------------------------------------------------------------------------------
// Portable Text
// ---------------------------------------------------------------------------------------------

interface CaptionedImage {
  file: string
  alt: string
  caption: string
}
type BodyItem =
  string | { style: 'h2' | 'h3' | 'blockquote'; text: string } | { bullet: string } | { image: CaptionedImage }

type Json = Record<string, unknown>

function portableText(ctx: string, items: BodyItem[]): Json[] {
  return items.map((item, i) => {
    if (typeof item === 'object' && 'image' in item) {
      return { _type: 'captionedImage', _key: key(ctx, 'img', i), ...captionedImageFields(item.image) }
    }
    const text = typeof item === 'string' ? item : 'bullet' in item ? item.bullet : item.text
    const style = typeof item === 'object' && 'style' in item ? item.style : 'normal'
    const listProps = typeof item === 'object' && 'bullet' in item ? { listItem: 'bullet', level: 1 } : {}
    return {
      _type: 'block',
      _key: key(ctx, 'block', i),
      style,
      ...listProps,
      markDefs: [],
      children: [{ _type: 'span', _key: key(ctx, 'span', i), text, marks: [] }],
    }
  })
}

const asset = (file: string): string => `image@file://./images/${file}`

function captionedImageFields(img: CaptionedImage): Json {
  return { _sanityAsset: asset(img.file), alt: img.alt, caption: img.caption, credit: PLACEHOLDER_CREDIT }
}

const ref = (id: string): Json => ({ _type: 'reference', _ref: id })
const refItem = (ctx: string, id: string): Json => ({ _type: 'reference', _key: key(ctx, id), _ref: id })

// ---------------------------------------------------------------------------------------------
// Placeholder images
// ---------------------------------------------------------------------------------------------

interface ImageJob {
  file: string
  kind: 'photo' | 'portrait'
  label: string
}
const imageJobs = new Map<string, ImageJob>()
function registerImage(file: string, kind: ImageJob['kind'], label: string): string {
  const existing = imageJobs.get(file)
  if (existing && (existing.kind !== kind || existing.label !== label))
    throw new Error(`image ${file} registered twice`)
  imageJobs.set(file, { file, kind, label })
  return file
}

const xml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** Wrap CJK text by character count, at most `maxLines` lines (ellipsis when cut). */
function wrap(text: string, perLine: number, maxLines: number): string[] {
  const chars = Array.from(text)
  const lines: string[] = []
  let i = 0
  while (i < chars.length) {
    let end = Math.min(i + perLine, chars.length)
    if (end < chars.length) {
      // Prefer breaking just after punctuation within the last few characters of the line.
      for (let j = end; j > end - 7 && j > i + 1; j--) {
        if ('，、。；：）”》'.includes(chars[j - 1])) {
          end = j
          break
        }
      }
    }
    lines.push(chars.slice(i, end).join(''))
    i = end
  }
  if (lines.length > maxLines) {
    lines.length = maxLines
    lines[maxLines - 1] =
      Array.from(lines[maxLines - 1])
        .slice(0, perLine - 1)
        .join('') + '…'
  }
  return lines
}

const FONT = "font-family=\"'Noto Sans CJK SC', 'Noto Sans SC', sans-serif\""

function photoSvg(job: ImageJob): string {
  const r = mulberry32(hashInt(job.file))
  const hue = Math.floor(r() * 360)
  const shapes: string[] = []
  for (let i = 0; i < 7; i++) {
    const h = (hue + 25 * (i + 1) + Math.floor(r() * 40)) % 360
    const fill = `hsl(${h},${35 + Math.floor(r() * 20)}%,${72 + Math.floor(r() * 12)}%)`
    if (r() < 0.55) {
      shapes.push(
        `<circle cx="${Math.floor(r() * 1200)}" cy="${Math.floor(r() * 800)}" r="${60 + Math.floor(r() * 170)}" fill="${fill}" opacity="0.55"/>`,
      )
    } else {
      const w = 120 + Math.floor(r() * 320)
      const hgt = 80 + Math.floor(r() * 200)
      shapes.push(
        `<rect x="${Math.floor(r() * 1100) - 60}" y="${Math.floor(r() * 760) - 40}" width="${w}" height="${hgt}" rx="18" fill="${fill}" opacity="0.5" transform="rotate(${Math.floor(r() * 40) - 20} 600 400)"/>`,
      )
    }
  }
  const lines = wrap(job.label, 24, 3)
  const labelSvg = lines
    .map(
      (line, i) =>
        `<text x="600" y="${492 + i * 44}" ${FONT} font-size="32" text-anchor="middle" fill="#2b3340">${xml(line)}</text>`,
    )
    .join('')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800">
<rect width="1200" height="800" fill="hsl(${hue},42%,89%)"/>
${shapes.join('\n')}
<rect x="130" y="180" width="940" height="${400 + Math.max(0, lines.length - 1) * 44}" rx="28" fill="#ffffff" opacity="0.86"/>
<text x="600" y="318" ${FONT} font-weight="700" font-size="108" text-anchor="middle" fill="#27303d">示例占位图</text>
<text x="600" y="400" ${FONT} font-size="52" letter-spacing="12" text-anchor="middle" fill="#5b6676">PLACEHOLDER</text>
<line x1="330" y1="436" x2="870" y2="436" stroke="#9aa5b4" stroke-width="2"/>
${labelSvg}
<text x="600" y="770" ${FONT} font-size="24" text-anchor="middle" fill="#3d4654">程序生成 · 非真实照片 · SAMPLE IMAGE</text>
</svg>`
}

function portraitSvg(job: ImageJob): string {
  const r = mulberry32(hashInt(job.file))
  const hue = Math.floor(r() * 360)
  const grey = 60 + Math.floor(r() * 10)
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="750" viewBox="0 0 600 750">
<rect width="600" height="750" fill="hsl(${hue},38%,88%)"/>
<circle cx="${80 + Math.floor(r() * 440)}" cy="${200 + Math.floor(r() * 300)}" r="${120 + Math.floor(r() * 80)}" fill="hsl(${(hue + 40) % 360},35%,80%)" opacity="0.6"/>
<text x="300" y="96" ${FONT} font-weight="700" font-size="66" text-anchor="middle" fill="#27303d">示例占位图</text>
<text x="300" y="148" ${FONT} font-size="34" letter-spacing="8" text-anchor="middle" fill="#5b6676">PLACEHOLDER</text>
<g fill="hsl(${hue},6%,${grey}%)">
  <circle cx="300" cy="318" r="92"/>
  <path d="M120 622 C120 480 200 432 300 432 C400 432 480 480 480 622 Z"/>
</g>
<rect x="0" y="630" width="600" height="120" fill="#ffffff" opacity="0.85"/>
<text x="300" y="684" ${FONT} font-size="40" text-anchor="middle" fill="#27303d">${xml(job.label)}</text>
<text x="300" y="724" ${FONT} font-size="20" text-anchor="middle" fill="#3d4654">程序生成 · 非真实肖像</text>
</svg>`
}

async function renderImages(): Promise<number> {
  mkdirSync(IMAGE_DIR, { recursive: true })
  const wanted = new Set(imageJobs.keys())
  for (const name of readdirSync(IMAGE_DIR)) {
    if (name.endsWith('.jpg') && !wanted.has(name)) unlinkSync(join(IMAGE_DIR, name))
  }
  let total = 0
  for (const job of [...imageJobs.values()].sort((a, b) => a.file.localeCompare(b.file))) {
    const svg = job.kind === 'photo' ? photoSvg(job) : portraitSvg(job)
    const jpeg = await sharp(Buffer.from(svg)).jpeg({ quality: 70, mozjpeg: true }).toBuffer()
    if (jpeg.length > 60_000) throw new Error(`${job.file} is ${jpeg.length} bytes (> 60 KB)`)
    writeFileSync(join(IMAGE_DIR, job.file), jpeg)
    total += jpeg.length
  }
  return total
}

// ---------------------------------------------------------------------------------------------
// Vocabulary guards: fail loudly if the generator drifts from the schema's stored values.
// ---------------------------------------------------------------------------------------------

const valuesOf = (options: readonly { value: string }[]): Set<string> => new Set(options.map((o) => o.value))
const ALLOWED = {
  sector: valuesOf(SECTORS),
  venueType: valuesOf(VENUE_TYPES),
  status: valuesOf(TALK_STATUSES),
  honourLevel: valuesOf(HONOUR_LEVELS),
  gradeBand: valuesOf(GRADE_BANDS),
  requestStatus: valuesOf(REQUEST_STATUSES),
}
function assertIn(kind: keyof typeof ALLOWED, value: string): string {
  if (!ALLOWED[kind].has(value)) throw new Error(`${value} is not a valid ${kind}`)
  return value
}

const prefectureByName = new Map(PREFECTURES.map((p) => [p.name, p]))
function prefecture(name: string): Prefecture {
  const p = prefectureByName.get(name)
  if (!p) throw new Error(`unknown prefecture ${name}`)
  return p
}
function county(prefectureName: string, countyName: string): County {
  const c = prefecture(prefectureName).counties.find((x) => x.name === countyName)
  if (!c) throw new Error(`${countyName} is not in ${prefectureName}`)
  return c
}

// ---------------------------------------------------------------------------------------------
// Model workers
// ---------------------------------------------------------------------------------------------

type Level = 'national' | 'provincial' | 'city' | 'industry'
interface HonourSpec {
  title: string
  level: Level
  year: number
  by: string
}
interface WorkerSpec {
  name: string
  slug: string
  she: boolean
  prefecture: string
  employer: string
  post: string
  sector: string
  honours: HonourSpec[]
  topics: string[]
  schools: boolean
  summary: string
  story: string[]
}

const national = (title: string, year: number, by: string): HonourSpec => ({ title, level: 'national', year, by })
const QGLM = (year: number): HonourSpec => national('全国劳动模范', year, '中共中央、国务院')
const QGWY = (year: number): HonourSpec => national('全国五一劳动奖章', year, '中华全国总工会')
const SLM = (year: number): HonourSpec => ({ title: '甘肃省劳动模范', level: 'provincial', year, by: '甘肃省人民政府' })
const SWY = (year: number): HonourSpec => ({
  title: '甘肃省五一劳动奖章',
  level: 'provincial',
  year,
  by: '甘肃省总工会',
})
const CITY = (pref: string, year: number): HonourSpec => ({
  title: `${pref}劳动模范`,
  level: 'city',
  year,
  by: `${pref}人民政府`,
})
const IND = (title: string, year: number, by: string): HonourSpec => ({ title, level: 'industry', year, by })

const FICTIONAL_WORKERS: WorkerSpec[] = [
  {
    name: '张红梅',
    slug: 'zhang-hongmei',
    she: true,
    prefecture: '兰州市',
    employer: '兰州市某石化企业',
    post: '催化裂化装置班长',
    sector: 'energy',
    honours: [QGWY(2019), SLM(2016)],
    topics: ['安全生产', '班组管理', '工匠精神'],
    schools: true,
    summary: '在炼化装置一线工作二十余年的班长，带出连续多年无事故的“零违章”班组。',
    story: [
      '她从技校毕业后进入企业，从外操工干起，先后在常减压、催化裂化等装置岗位工作。她把装置流程图画满了三本笔记，能凭机泵的声音判断运行状况。',
      '担任班长以来，她推行“交接班五问”和“隐患随手拍”做法，所在班组连续多年实现安全生产无事故，总结的操作法在车间推广。',
    ],
  },
  {
    name: '王建国',
    slug: 'wang-jianguo',
    she: false,
    prefecture: '兰州市',
    employer: '兰州市某机械制造公司',
    post: '数控车工高级技师',
    sector: 'manufacturing',
    honours: [QGLM(2015), SLM(2010), CITY('兰州市', 2007)],
    topics: ['工匠精神', '技能成才', '科技创新'],
    schools: true,
    summary: '三十年专注数控加工的高级技师，领衔一间劳模创新工作室。',
    story: [
      '他从普通车工学起，自学数控编程，攻克了多种大型零件的精密加工难题，被同事称为车间里的“定海神针”。',
      '以他名字命名的劳模创新工作室成立以来，带徒四十余名，完成技术革新项目二十余项，其中多项获得实用新型专利。',
    ],
  },
  {
    name: '李秀兰',
    slug: 'li-xiulan',
    she: true,
    prefecture: '兰州市',
    employer: '兰州市某综合医院',
    post: '急诊科护士长',
    sector: 'health',
    honours: [SLM(2021), IND('全省卫生健康系统先进个人', 2018, '甘肃省卫生健康委员会')],
    topics: ['爱岗敬业', '职业规划', '劳动教育'],
    schools: true,
    summary: '在急诊一线工作二十余年的护士长，组建急救知识志愿宣讲队。',
    story: [
      '她带领护理团队梳理急诊分诊流程，编写危重患者交接清单，让抢救环节衔接得更紧。',
      '业余时间，她组建志愿服务队，走进社区、学校讲授心肺复苏和应急救护知识，累计培训群众上万人次。',
    ],
  },
  {
    name: '马志刚',
    slug: 'ma-zhigang',
    she: false,
    prefecture: '兰州市',
    employer: '兰州市某公交公司',
    post: '公交车驾驶员',
    sector: 'transport',
    honours: [CITY('兰州市', 2018), SWY(2022)],
    topics: ['爱岗敬业', '安全生产'],
    schools: false,
    summary: '安全行车超过一百万公里的公交驾驶员，车厢被乘客称为“流动的文明窗口”。',
    story: [
      '他驾驶公交车二十年，安全行驶超过一百万公里，无责任事故。',
      '他在车上备有常用药品、雨伞和老花镜，整理出一本线路服务手册，带动车队形成“一车一特色”的服务氛围。',
    ],
  },
  {
    name: '陈静',
    slug: 'chen-jing',
    she: true,
    prefecture: '兰州市',
    employer: '兰州市某职业技术学校',
    post: '机电专业教师',
    sector: 'education',
    honours: [IND('全国优秀教师', 2019, '教育部'), SLM(2021)],
    topics: ['劳动教育', '职业规划', '技能成才'],
    schools: true,
    summary: '扎根职业教育的机电专业教师，指导学生在技能大赛中屡获佳绩。',
    story: [
      '她把企业的真实生产项目引入课堂，和同事一起编写实训教材，让学生在“做中学”。',
      '她指导的学生在全省职业院校技能大赛中多次获奖，不少毕业生成长为企业技术骨干。',
    ],
  },
  {
    name: '赵德福',
    slug: 'zhao-defu',
    she: false,
    prefecture: '兰州市',
    employer: '兰州市某建筑工程公司',
    post: '钢筋工班组长',
    sector: 'construction',
    honours: [QGWY(2023), CITY('兰州市', 2017)],
    topics: ['安全生产', '技能成才', '爱岗敬业'],
    schools: false,
    summary: '从农民工成长为技术能手的钢筋班组长，参建多项学校、医院工程。',
    story: [
      '他十八岁进城务工，从搬运钢筋学起，利用工余时间学习识图和规范，逐步成长为班组长。',
      '他带领的班组总结出钢筋绑扎“快准稳”工法，既提高工效又保证质量；他还常帮工友学技术、讨要合法权益。',
    ],
  },
  {
    name: '刘铁军',
    slug: 'liu-tiejun',
    she: false,
    prefecture: '嘉峪关市',
    employer: '嘉峪关市某钢铁企业',
    post: '高炉炉长',
    sector: 'mining',
    honours: [QGLM(2010), IND('冶金行业技术能手', 2006, '中国钢铁工业协会')],
    topics: ['工匠精神', '安全生产', '绿色发展'],
    schools: true,
    summary: '与高炉打了三十年交道的炉长，带领团队实现高炉长周期稳定顺行。',
    story: [
      '他熟悉高炉的每一个风口，总结出一套看渣铁、判炉况的经验，培养了一批年轻炉前工。',
      '近年来，他牵头开展节能降耗攻关，推动余热回收等技改项目落地，所在高炉能耗指标持续下降。',
    ],
  },
  {
    name: '孙丽娟',
    slug: 'sun-lijuan',
    she: true,
    prefecture: '嘉峪关市',
    employer: '嘉峪关市某酒店',
    post: '客房服务主管',
    sector: 'services',
    honours: [
      CITY('嘉峪关市', 2019),
      { title: '甘肃省五一巾帼标兵', level: 'provincial', year: 2022, by: '甘肃省总工会' },
    ],
    topics: ['爱岗敬业', '职业规划'],
    schools: false,
    summary: '把客房服务做成“回头客”口碑的服务主管，带出多名技能竞赛获奖者。',
    story: [
      '她从客房服务员做起，整理出一套细致的客房服务标准，常年保持零投诉。',
      '她带领的班组多次在行业服务技能竞赛中获奖，她也常给新员工讲“服务无小事”。',
    ],
  },
  {
    name: '周永福',
    slug: 'zhou-yongfu',
    she: false,
    prefecture: '金昌市',
    employer: '金昌市某有色金属企业',
    post: '镍冶炼工段长',
    sector: 'mining',
    honours: [QGLM(2020), SLM(2014)],
    topics: ['科技创新', '安全生产', '班组管理'],
    schools: false,
    summary: '在冶炼一线扎根近三十年的工段长，带领团队攻克多项工艺难题。',
    story: [
      '他带领工段开展“小改小革”，优化炉况控制参数，提高了金属回收率。',
      '他把安全规程编成顺口溜教给新工人，所在工段多年保持安全生产纪录。',
    ],
  },
  {
    name: '杨文博',
    slug: 'yang-wenbo',
    she: false,
    prefecture: '白银市',
    employer: '白银市某有色冶炼企业',
    post: '电解车间技术员',
    sector: 'mining',
    honours: [IND('全国有色金属行业劳动模范', 2016, '中国有色金属工业协会'), SLM(2012)],
    topics: ['科技创新', '绿色发展', '技能成才'],
    schools: false,
    summary: '专注电解工艺改进的技术员，多项成果在车间推广应用。',
    story: [
      '他长期在电解车间一线做技术工作，带领小组攻关电流效率和能耗难题。',
      '他主持的多项工艺改进成果在车间推广应用，并带出一支年轻的技术骨干队伍。',
    ],
  },
  {
    name: '何春花',
    slug: 'he-chunhua',
    she: true,
    prefecture: '白银市',
    employer: '会宁县某种养殖专业合作社',
    post: '合作社理事长',
    sector: 'agriculture',
    honours: [SLM(2021), CITY('白银市', 2018)],
    topics: ['乡村振兴', '劳动教育'],
    schools: true,
    summary: '带领乡亲发展特色种养的合作社理事长，让合作社社员户户增收。',
    story: [
      '她返乡创办种养专业合作社，统一良种、统一技术、统一销售，带动周边农户共同发展。',
      '她坚持在田间地头办培训，教乡亲们科学种养，也常把学生请到合作社里上劳动课。',
    ],
  },
  {
    name: '郭建民',
    slug: 'guo-jianmin',
    she: false,
    prefecture: '天水市',
    employer: '天水市某电工电器公司',
    post: '装配钳工特级技师',
    sector: 'manufacturing',
    honours: [QGWY(2014), SLM(2010)],
    topics: ['工匠精神', '技能成才'],
    schools: true,
    summary: '一把锉刀练到极致的装配钳工，带徒传艺三十年。',
    story: [
      '他从学徒干起，练就了手工锉削、刮研的硬功夫，承担过多项关键设备的装配任务。',
      '他坚持“师带徒”，把绝活编成教材，徒弟中已有多人成为技师和高级技师。',
    ],
  },
  {
    name: '田秀英',
    slug: 'tian-xiuying',
    she: true,
    prefecture: '天水市',
    employer: '秦安县某果业专业合作社',
    post: '果树技术员',
    sector: 'agriculture',
    honours: [SLM(2016), CITY('天水市', 2013)],
    topics: ['乡村振兴', '科技创新', '劳动教育'],
    schools: true,
    summary: '走遍乡村果园的果树技术员，帮助果农用新技术提质增收。',
    story: [
      '她常年奔走在果园里，推广矮化密植、科学修剪和病虫害绿色防控技术。',
      '她牵头办起田间课堂，手把手教果农修剪、疏花疏果，带动一批果农增收。',
    ],
  },
  {
    name: '韩永强',
    slug: 'han-yongqiang',
    she: false,
    prefecture: '武威市',
    employer: '民勤县某国有林场',
    post: '护林队长',
    sector: 'agriculture',
    honours: [QGLM(2015), SLM(2011)],
    topics: ['绿色发展', '爱岗敬业', '乡村振兴'],
    schools: true,
    summary: '在沙漠边缘压沙造林二十余年的护林队长，带领队员守护绿色屏障。',
    story: [
      '他带领护林队员在风沙线上扎草方格、栽梭梭，一年四季巡护林区。',
      '他总结的压沙造林经验在周边乡镇推广，他也常带学生到林场认识防沙治沙。',
    ],
  },
  {
    name: '罗晓燕',
    slug: 'luo-xiaoyan',
    she: true,
    prefecture: '张掖市',
    employer: '张掖市某种业公司',
    post: '制种技术主管',
    sector: 'agriculture',
    honours: [SLM(2019), CITY('张掖市', 2016)],
    topics: ['科技创新', '乡村振兴'],
    schools: false,
    summary: '守着制种田的技术主管，帮助制种农户提高种子质量。',
    story: [
      '她常年驻扎制种基地，从播种、去杂到收获全程指导，把好种子质量关。',
      '她牵头建立田间档案，推广节水灌溉和机械化去雄，带动农户稳定增收。',
    ],
  },
  {
    name: '高志远',
    slug: 'gao-zhiyuan',
    she: false,
    prefecture: '张掖市',
    employer: '张掖市某供电企业',
    post: '输电线路班班长',
    sector: 'energy',
    honours: [QGWY(2021), IND('电力行业技术能手', 2017, '中国电力企业联合会')],
    topics: ['安全生产', '工匠精神', '班组管理'],
    schools: true,
    summary: '守护戈壁输电线路的班长，带领班组保障线路安全运行。',
    story: [
      '他带领班组巡护上百公里输电线路，冬战严寒、夏顶烈日，练就了登塔作业的过硬本领。',
      '他推动无人机巡检和缺陷图谱建设，让线路隐患发现得更早、处置得更快。',
    ],
  },
  {
    name: '苏建华',
    slug: 'su-jianhua',
    she: false,
    prefecture: '平凉市',
    employer: '平凉市某煤电企业',
    post: '集控运行值长',
    sector: 'energy',
    honours: [SLM(2008), CITY('平凉市', 2005)],
    topics: ['安全生产', '绿色发展'],
    schools: false,
    summary: '坚守集控室的运行值长，带领运行值保障机组安全稳定运行。',
    story: [
      '他熟悉机组每一个系统，总结出一套事故预想和反事故演练方法。',
      '他带领值内职工开展节能小指标竞赛，推动机组煤耗持续下降。',
    ],
  },
  {
    name: '吴桂芳',
    slug: 'wu-guifang',
    she: true,
    prefecture: '平凉市',
    employer: '静宁县某乡村小学',
    post: '教师',
    sector: 'education',
    honours: [IND('全国优秀教师', 2014, '教育部'), SLM(2016), CITY('平凉市', 2012)],
    topics: ['劳动教育', '爱岗敬业'],
    schools: true,
    summary: '在乡村小学任教近三十年的教师，把劳动课开到了校园菜地里。',
    story: [
      '她在乡村小学任教近三十年，坚持家访，帮助许多留守儿童完成学业。',
      '她带着学生在校园里开辟小菜地，把劳动教育和科学课结合起来。',
    ],
  },
  {
    name: '徐海涛',
    slug: 'xu-haitao',
    she: false,
    prefecture: '酒泉市',
    employer: '酒泉市某风电装备企业',
    post: '叶片生产班长',
    sector: 'manufacturing',
    honours: [QGWY(2024), CITY('酒泉市', 2020)],
    topics: ['绿色发展', '科技创新', '工匠精神'],
    schools: true,
    summary: '在风电叶片生产线上摸索工艺改进的班长，带领班组提质降耗。',
    story: [
      '他从叶片铺层工做起，摸索出减少褶皱和气泡的铺层方法，提高了一次合格率。',
      '他带领班组开展技术攻关，多项合理化建议被企业采纳，节约了大量原材料。',
    ],
  },
  {
    name: '冯雅琴',
    slug: 'feng-yaqin',
    she: true,
    prefecture: '酒泉市',
    employer: '敦煌市某文旅公司',
    post: '导游领班',
    sector: 'culture',
    honours: [SWY(2023), CITY('酒泉市', 2020)],
    topics: ['爱岗敬业', '职业规划'],
    schools: true,
    summary: '用双语讲好丝路故事的导游领班，带出一支优秀讲解团队。',
    story: [
      '她坚持学习历史文化知识，能用中英文为游客讲解丝路故事。',
      '她带领讲解团队编写讲解词、开展技能比武，团队多次获得游客好评。',
    ],
  },
  {
    name: '薛军',
    slug: 'xue-jun',
    she: false,
    prefecture: '庆阳市',
    employer: '庆阳市某采油企业',
    post: '采油工（高级技师）',
    sector: 'energy',
    honours: [QGLM(2025), SLM(2016)],
    topics: ['工匠精神', '科技创新', '安全生产'],
    schools: true,
    summary: '在黄土塬上守井的采油高级技师，发明多项实用小工具。',
    story: [
      '他常年在偏远井场工作，练就了“听声辨故障”的本领。',
      '他带领创新小组研制多项采油实用工具，在油区推广使用，减轻了一线劳动强度。',
    ],
  },
  {
    name: '曹红霞',
    slug: 'cao-hongxia',
    she: true,
    prefecture: '庆阳市',
    employer: '庆阳市某香包刺绣专业合作社',
    post: '刺绣技艺带头人',
    sector: 'culture',
    honours: [SLM(2020), CITY('庆阳市', 2017)],
    topics: ['劳动教育', '乡村振兴'],
    schools: true,
    summary: '带领乡村妇女以刺绣增收的手艺人，让传统香包走出大山。',
    story: [
      '她自幼跟长辈学习刺绣，创办合作社后免费培训乡村妇女，带动她们在家门口就业。',
      '她常到学校开设刺绣兴趣课，让孩子们在一针一线中体会劳动之美。',
    ],
  },
  {
    name: '魏国庆',
    slug: 'wei-guoqing',
    she: false,
    prefecture: '定西市',
    employer: '定西市安定区某马铃薯加工企业',
    post: '生产车间主任',
    sector: 'manufacturing',
    honours: [QGWY(2017), SLM(2013)],
    topics: ['乡村振兴', '科技创新', '班组管理'],
    schools: false,
    summary: '把小土豆做成大产业的车间主任，带动周边农户稳定销售。',
    story: [
      '他带领车间改造淀粉生产线，提高了产品质量和产能。',
      '他牵头推行“企业+合作社+农户”订单收购，帮助周边农户稳定销售马铃薯。',
    ],
  },
  {
    name: '董立新',
    slug: 'dong-lixin',
    she: false,
    prefecture: '定西市',
    employer: '陇西县某中药材加工企业',
    post: '中药炮制技师',
    sector: 'manufacturing',
    honours: [SLM(2018), CITY('定西市', 2015)],
    topics: ['工匠精神', '乡村振兴', '技能成才'],
    schools: true,
    summary: '坚守传统炮制技艺的技师，带动药农种好药、卖好药。',
    story: [
      '他从学徒干起，熟练掌握多种中药材的炮制工艺，严把饮片质量关。',
      '他经常到药材种植村讲解采收、晾晒要领，帮助药农提高药材品质。',
    ],
  },
  {
    name: '潘玉林',
    slug: 'pan-yulin',
    she: false,
    prefecture: '陇南市',
    employer: '陇南市某公路养护单位',
    post: '养护工区长',
    sector: 'transport',
    honours: [SLM(2022), IND('全国交通运输系统先进工作者', 2019, '交通运输部')],
    topics: ['爱岗敬业', '安全生产'],
    schools: false,
    summary: '守护山区公路畅通的养护工区长，汛期常常吃住在路上。',
    story: [
      '他带领养护工区守护数十公里山区公路，每逢汛期和雨雪天气都带队巡查抢通。',
      '他推广预防性养护做法，让辖区路况保持良好，群众出行更安心。',
    ],
  },
  {
    name: '才让卓玛',
    slug: 'cairang-zhuoma',
    she: true,
    prefecture: '甘南藏族自治州',
    employer: '碌曲县某乡镇卫生院',
    post: '全科医生',
    sector: 'health',
    honours: [SLM(2021), CITY('甘南藏族自治州', 2017)],
    topics: ['爱岗敬业', '乡村振兴'],
    schools: true,
    summary: '骑着摩托车巡诊牧区的全科医生，守护牧民群众健康。',
    story: [
      '她扎根乡镇卫生院，常年骑摩托车到牧区巡诊，为牧民建立健康档案。',
      '她用藏汉双语开展健康宣讲，组织家庭医生签约服务，让牧民在家门口看得上病。',
    ],
  },
  {
    name: '马海军',
    slug: 'ma-haijun',
    she: false,
    prefecture: '临夏回族自治州',
    employer: '临夏市某餐饮服务公司',
    post: '厨师长（烹饪高级技师）',
    sector: 'services',
    honours: [SWY(2019), CITY('临夏回族自治州', 2016)],
    topics: ['技能成才', '职业规划', '爱岗敬业'],
    schools: true,
    summary: '从学徒成长为烹饪高级技师的厨师长，带出上百名徒弟。',
    story: [
      '他从后厨学徒做起，钻研地方特色菜品，在烹饪技能大赛中多次获奖。',
      '他常年参加职业技能培训授课，带出的徒弟许多已在各地自主创业。',
    ],
  },
]

// The two real people named in the source article, restricted to what its captions say.
const REAL_WORKERS: Json[] = [
  {
    _id: 'worker-yan-guizhen',
    _type: 'modelWorker',
    name: '闫桂珍',
    slug: { _type: 'slug', current: 'yan-guizhen' },
    fictional: false,
    honours: [
      { _type: 'honour', _key: key('worker-yan-guizhen', 'honour', 0), title: '全国劳动模范', level: 'national' },
    ],
    employer: '嘉峪关钢铁三中',
    post: '教师',
    sector: 'education',
    prefecture: '嘉峪关市',
    summary: '全国劳模，嘉峪关钢铁三中教师。报道配图记录了她给小学生做辅导的情景。',
    bio: portableText('worker-yan-guizhen.bio', [
      '据《凝聚起建设幸福美好新甘肃的磅礴力量——甘肃工会工作创新发展纪实》一文的图片说明，闫桂珍是全国劳模、嘉峪关钢铁三中教师；配图拍摄的是她在给小学生做辅导。',
      '该文没有介绍她的更多事迹。本站仅转述上述图片说明，暂无其他资料。',
    ]),
    source: SOURCE_ARTICLE,
    availableForSchools: false,
  },
  {
    _id: 'worker-xin-zhiqiang',
    _type: 'modelWorker',
    name: '新志强',
    slug: { _type: 'slug', current: 'xin-zhiqiang' },
    fictional: false,
    honours: [
      { _type: 'honour', _key: key('worker-xin-zhiqiang', 'honour', 0), title: '全国劳动模范', level: 'national' },
    ],
    summary: '全国劳模。报道配图记录了他深入省总工会“双联村”指导果树栽培技术的情景。',
    bio: portableText('worker-xin-zhiqiang.bio', [
      '据《凝聚起建设幸福美好新甘肃的磅礴力量——甘肃工会工作创新发展纪实》一文的图片说明：全国劳模新志强深入省总工会“双联村”指导果树栽培技术。',
      '该文没有介绍他的工作单位和更多事迹。本站仅转述上述图片说明，暂无其他资料。',
    ]),
    source: SOURCE_ARTICLE,
    availableForSchools: false,
  },
]

const workerId = (w: WorkerSpec): string => `worker-${w.slug}`

function workerDoc(w: WorkerSpec): Json {
  const id = workerId(w)
  const ta = w.she ? '她' : '他'
  const topicList = w.topics.map((t) => `“${t}”`).join('')
  const talkPara = w.schools
    ? `作为劳模宣讲团成员，${ta}常以${topicList}为题走进企业、校园和社区。面对学生，${ta}喜欢从自己年轻时的一次失误讲起，讲怎样把一件平常的工作做到极致。`
    : `作为劳模宣讲团成员，${ta}常以${topicList}为题走进企业车间和社区，用身边的事例和职工群众交流。`
  const portraitFile = registerImage(`portrait-${w.slug}.jpg`, 'portrait', w.name)
  return {
    _id: id,
    _type: 'modelWorker',
    name: w.name,
    slug: { _type: 'slug', current: w.slug },
    portrait: {
      _type: 'image',
      _sanityAsset: asset(portraitFile),
      alt: `示例占位图：${w.name}的肖像位置，灰色人形剪影，并非本人照片`,
      credit: PLACEHOLDER_CREDIT,
    },
    fictional: true,
    honours: w.honours.map((h, i) => ({
      _type: 'honour',
      _key: key(id, 'honour', i),
      title: h.title,
      level: assertIn('honourLevel', h.level),
      year: h.year,
      awardingBody: h.by,
    })),
    employer: w.employer,
    post: w.post,
    sector: assertIn('sector', w.sector),
    prefecture: prefecture(w.prefecture).name,
    summary: w.summary,
    bio: portableText(`${id}.bio`, ['（本人物为虚构示例，用于演示。）', ...w.story, talkPara]),
    talkTopics: w.topics,
    availableForSchools: w.schools,
  }
}

// ---------------------------------------------------------------------------------------------
// Tours
// ---------------------------------------------------------------------------------------------

interface TourSpec {
  id: string
  slug: string
  title: string
  /** Used in talk titles: "<short>——<venue>专场报告会". */
  short: string
  description: string
  start: string
  end: string
  organiser: string
}

const TOURS: TourSpec[] = [
  {
    id: 'tour-zhongguomeng-shuanglianqing',
    slug: 'zhongguomeng-shuanglianqing',
    title: '“中国梦·双联情”劳动模范报告会',
    short: '“中国梦·双联情”劳动模范报告会',
    description:
      '甘肃省总工会组织劳动模范走进“双联”联系村镇和基层单位宣讲。《凝聚起建设幸福美好新甘肃的磅礴力量——甘肃工会工作创新发展纪实》一文刊登了“中国梦·双联情”劳动模范陇西报告会会场的照片。本站所列各场次为示例数据。',
    start: '2025-04-01',
    end: '2025-10-31',
    organiser: '甘肃省总工会',
  },
  {
    id: 'tour-laomo-jingshen-jin-xiaoyuan',
    slug: 'laomo-jingshen-jin-xiaoyuan',
    title: '劳模精神进校园',
    short: '劳模精神进校园',
    description: '劳模走进中小学、职业院校和高校，讲述成长故事，配合学校开展劳动教育。（示例数据）',
    start: '2025-01-06',
    end: '2027-12-31',
    organiser: '甘肃省总工会（示例）',
  },
  {
    id: 'tour-laomo-gongjiang-jin-qiye',
    slug: 'laomo-gongjiang-jin-qiye',
    title: '劳模工匠进企业',
    short: '劳模工匠进企业',
    description: '劳模工匠走进车间班组，交流操作经验、安全生产和技术创新做法。（示例数据）',
    start: '2025-01-02',
    end: '2027-12-31',
    organiser: '甘肃省总工会（示例）',
  },
  {
    id: 'tour-laomo-xuanjiang-jin-shequ',
    slug: 'laomo-xuanjiang-jin-shequ',
    title: '劳模宣讲进社区',
    short: '劳模宣讲进社区',
    description: '劳模走进城乡社区和新时代文明实践站所，在家门口和居民、职工面对面。（示例数据）',
    start: '2025-03-01',
    end: '2027-12-31',
    organiser: '甘肃省总工会（示例）',
  },
]
const SHUANGLIAN = TOURS[0]
const TOUR_BY_TYPE: Record<VenueType, TourSpec> = { school: TOURS[1], enterprise: TOURS[2], community: TOURS[3] }

function tourDoc(t: TourSpec): Json {
  return {
    _id: t.id,
    _type: 'tour',
    title: t.title,
    slug: { _type: 'slug', current: t.slug },
    description: t.description,
    period: { _type: 'dateRange', start: t.start, end: t.end },
    organiser: t.organiser,
  }
}

// ---------------------------------------------------------------------------------------------
// Venues
// ---------------------------------------------------------------------------------------------

const INDUSTRIES: Record<string, string[]> = {
  兰州市: ['机械制造', '轨道交通装备', '生物医药', '物流', '装备制造'],
  嘉峪关市: ['钢铁', '冶金', '光伏'],
  金昌市: ['有色金属', '化工'],
  白银市: ['有色冶炼', '化工', '煤炭'],
  天水市: ['电工电器', '机床制造', '果品加工'],
  武威市: ['食品加工', '酿造', '物流'],
  张掖市: ['种业', '农产品加工', '供电'],
  平凉市: ['煤电', '果品加工', '建材'],
  酒泉市: ['风电装备', '新能源', '农产品加工'],
  庆阳市: ['采油', '能源化工', '农产品加工'],
  定西市: ['马铃薯加工', '中药材加工', '建材'],
  陇南市: ['茶叶加工', '电商物流', '矿产'],
  甘南藏族自治州: ['乳制品', '牧业', '文旅'],
  临夏回族自治州: ['民族食品', '皮革加工', '建材'],
}
const COUNTY_INDUSTRIES: Record<string, string[]> = {
  西固区: ['石化', '化工'],
  金川区: ['有色金属', '化工'],
  玉门市: ['石油', '风电'],
  瓜州县: ['风电', '光伏'],
  敦煌市: ['文旅', '光热发电'],
  庆城县: ['采油', '天然气'],
  环县: ['采油', '风电'],
  华池县: ['采油', '农产品加工'],
  华亭市: ['煤炭', '煤化工'],
  陇西县: ['中药材加工', '铝冶炼'],
  民勤县: ['蔬菜加工', '林业'],
}
const ENTERPRISE_ROOMS = ['职工活动中心', '职工培训中心', '职工书屋', '多功能报告厅']
const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
const chineseNumber = (n: number): string =>
  n <= 10
    ? CHINESE_NUMERALS[n - 1]
    : n < 20
      ? `十${CHINESE_NUMERALS[n - 11]}`
      : `${CHINESE_NUMERALS[Math.floor(n / 10) - 1]}十${n % 10 ? CHINESE_NUMERALS[(n % 10) - 1] : ''}`

const isDistrict = (c: County): boolean => c.name.endsWith('区')

function venuePool(p: Prefecture, c: County, type: VenueType): string[] {
  const seat = p.counties[0].name === c.name
  const size = seat ? 3 : 2
  const names: string[] = []
  if (type === 'enterprise') {
    const industries = COUNTY_INDUSTRIES[c.name] ?? INDUSTRIES[p.name]
    const offset = hashInt(c.name) % industries.length
    for (let i = 0; i < size; i++) {
      const ind = industries[(offset + i) % industries.length]
      names.push(`${c.name}某${ind}企业${ENTERPRISE_ROOMS[(hashInt(c.name + ind) >>> 3) % ENTERPRISE_ROOMS.length]}`)
    }
  } else if (type === 'school') {
    if (isDistrict(c)) {
      // Institutions are "某…" (unnamed) so no real school is credited with an invented event.
      names.push(`${c.name}某中学`, `${c.name}某小学`, `${p.name}某职业技术学校`)
    } else {
      names.push(`${c.name}某中学`, `${c.name}某小学`, `${c.name}某职业中专`, `${c.name}某初级中学`)
    }
  } else {
    if (isDistrict(c)) {
      names.push(`${c.name}某社区党群服务中心`, `${c.name}某街道新时代文明实践站`, `${c.name}某社区职工之家`)
    } else {
      names.push(`${c.name}某镇新时代文明实践所`, `${c.name}某村党群服务中心`, `${c.name}某社区党群服务中心`)
    }
  }
  return names.slice(0, type === 'school' ? size + 1 : size)
}

interface Venue {
  name: string
  type: VenueType
  prefecture: string
  county: string
  lat: number
  lng: number
}
const venues = new Map<string, Venue>()
function venue(prefName: string, countyName: string, type: VenueType, name?: string): Venue {
  const p = prefecture(prefName)
  const c = county(prefName, countyName)
  const venueName = name ?? pick(venuePool(p, c, type))
  const existing = venues.get(venueName)
  if (existing) return existing
  // Fixed point per venue, within ~0.04° of the county seat (from its own hash, so it does not
  // depend on the order venues are first used).
  const r = mulberry32(hashInt(venueName))
  const v: Venue = {
    name: venueName,
    type,
    prefecture: prefName,
    county: countyName,
    lat: round5(c.lat + (r() * 2 - 1) * 0.035),
    lng: round5(c.lng + (r() * 2 - 1) * 0.045),
  }
  venues.set(venueName, v)
  return v
}

// ---------------------------------------------------------------------------------------------
// Talks
// ---------------------------------------------------------------------------------------------

const TALKS_PER_PREFECTURE: Record<string, number> = {
  兰州市: 40,
  天水市: 18,
  定西市: 18,
  白银市: 14,
  酒泉市: 14,
  庆阳市: 14,
  平凉市: 13,
  张掖市: 13,
  武威市: 13,
  陇南市: 13,
  甘南藏族自治州: 13,
  临夏回族自治州: 12,
  金昌市: 9,
  嘉峪关市: 9,
}
const TOTAL_TALKS = 213
const VENUE_TYPE_TOTALS: Record<VenueType, number> = { enterprise: 90, school: 75, community: 48 }
const HELD_TOTAL = 165
const CANCELLED_TOTAL = 3

/** County weights: the seat district heaviest; 陇西 heavy in 定西. */
const COUNTY_WEIGHT: Record<string, number> = {
  城关区: 5,
  七里河区: 3,
  西固区: 3,
  安宁区: 2,
  陇西县: 6,
  安定区: 3,
}
const countyWeight = (p: Prefecture, c: County): number =>
  COUNTY_WEIGHT[c.name] ?? (p.counties[0].name === c.name ? 3 : 1)

/** Neighbouring prefectures whose model workers travel to a prefecture without a local speaker. */
const NEIGHBOURS: Record<string, string[]> = {
  兰州市: ['白银市', '定西市'],
  嘉峪关市: ['酒泉市'],
  金昌市: ['武威市', '张掖市'],
  白银市: ['兰州市'],
  天水市: ['陇南市', '平凉市'],
  武威市: ['金昌市', '兰州市'],
  张掖市: ['金昌市', '酒泉市'],
  平凉市: ['庆阳市', '天水市'],
  酒泉市: ['嘉峪关市'],
  庆阳市: ['平凉市'],
  定西市: ['兰州市', '天水市'],
  陇南市: ['天水市'],
  甘南藏族自治州: ['临夏回族自治州', '兰州市'],
  临夏回族自治州: ['兰州市', '甘南藏族自治州'],
}

interface TalkDraft {
  venue: Venue
  status: 'held' | 'planned' | 'cancelled'
  date: string
  tour?: TourSpec
  speakers: WorkerSpec[]
  /** Fixed title override (the 陇西 report meeting of the article's photo). */
  title?: string
  articlePhoto?: boolean
}

function chooseSpeakers(v: Venue, tour: TourSpec | undefined): WorkerSpec[] {
  const eligible = FICTIONAL_WORKERS.filter((w) => v.type !== 'school' || w.schools)
  const local = eligible.filter((w) => w.prefecture === v.prefecture)
  const nearby = eligible.filter((w) => NEIGHBOURS[v.prefecture].includes(w.prefecture))
  let first: WorkerSpec
  if (local.length && rand() < 0.8) first = pick(local)
  else if (nearby.length && rand() < 0.7) first = pick(nearby)
  else first = pick(local.length ? local : nearby.length ? nearby : eligible)
  const speakers = [first]
  const secondChance = tour === SHUANGLIAN ? 0.7 : 0.35
  if (rand() < secondChance) {
    const pool =
      tour === SHUANGLIAN
        ? eligible.filter((w) => w.sector === 'agriculture' || w.prefecture === v.prefecture)
        : [...local, ...nearby]
    const others = pool.filter((w) => w !== first)
    if (others.length) speakers.push(pick(others))
  }
  return speakers
}

function buildTalkDrafts(): TalkDraft[] {
  const drafts: TalkDraft[] = []

  // 1. "中国梦·双联情" tour, April–October 2025, in rural counties (陇西 prominent).
  const shuanglian: {
    pref: string
    county: string
    type: VenueType
    name?: string
    title?: string
    article?: boolean
  }[] = [
    {
      pref: '定西市',
      county: '陇西县',
      type: 'community',
      name: '陇西县巩昌镇某社区党群服务中心',
      title: '“中国梦·双联情”劳动模范陇西报告会',
      article: true,
    },
    { pref: '定西市', county: '陇西县', type: 'school', name: '陇西县某中学' },
    { pref: '定西市', county: '陇西县', type: 'enterprise', name: '陇西县某中药材加工企业职工活动中心' },
    { pref: '定西市', county: '陇西县', type: 'community', name: '陇西县某村党群服务中心' },
    { pref: '定西市', county: '渭源县', type: 'community' },
    { pref: '定西市', county: '通渭县', type: 'school' },
    { pref: '天水市', county: '秦安县', type: 'community' },
    { pref: '天水市', county: '甘谷县', type: 'enterprise' },
    { pref: '陇南市', county: '礼县', type: 'community' },
    { pref: '陇南市', county: '西和县', type: 'school' },
    { pref: '陇南市', county: '宕昌县', type: 'community' },
    { pref: '临夏回族自治州', county: '东乡族自治县', type: 'community' },
    { pref: '临夏回族自治州', county: '广河县', type: 'enterprise' },
    { pref: '甘南藏族自治州', county: '临潭县', type: 'school' },
    { pref: '平凉市', county: '庄浪县', type: 'community' },
    { pref: '庆阳市', county: '环县', type: 'enterprise' },
  ]
  const remainingPerPref = { ...TALKS_PER_PREFECTURE }
  const remainingTypes = { ...VENUE_TYPE_TOTALS }
  shuanglian.forEach((s, i) => {
    const v = venue(s.pref, s.county, s.type, s.name)
    drafts.push({
      venue: v,
      status: 'held',
      date: slotDate('2025-04-14', '2025-10-24', i, shuanglian.length, s.type),
      tour: SHUANGLIAN,
      speakers: chooseSpeakers(v, SHUANGLIAN),
      title: s.title,
      articlePhoto: s.article,
    })
    remainingPerPref[s.pref]--
    remainingTypes[s.type]--
  })

  // 2. Everything else: shuffled prefectures and venue types, stratified over time.
  const prefSlots = shuffle(Object.entries(remainingPerPref).flatMap(([name, n]) => Array<string>(n).fill(name)))
  const typeSlots = shuffle(
    (Object.entries(remainingTypes) as [VenueType, number][]).flatMap(([t, n]) => Array<VenueType>(n).fill(t)),
  )
  const heldRest = HELD_TOTAL - drafts.length
  const futureCount = TOTAL_TALKS - HELD_TOTAL
  if (prefSlots.length !== heldRest + futureCount) throw new Error('slot arithmetic')
  // Three future talks, spread over the year (slots 7, 22, 38 of 48), are cancelled.
  const cancelledSlots = new Set([7, 22, 38].slice(0, CANCELLED_TOTAL))
  prefSlots.forEach((prefName, i) => {
    const type = typeSlots[i]
    const p = prefecture(prefName)
    const c = weightedPick(p.counties, (cc) => countyWeight(p, cc))
    const v = venue(prefName, c.name, type)
    const held = i < heldRest
    const futureIndex = i - heldRest
    const date = held
      ? slotDate('2025-01-06', '2026-11-20', i, heldRest, type)
      : slotDate('2026-11-26', '2027-12-20', futureIndex, futureCount, type)
    const tour = rand() < 0.88 ? TOUR_BY_TYPE[type] : undefined
    drafts.push({
      venue: v,
      status: held ? 'held' : cancelledSlots.has(futureIndex) ? 'cancelled' : 'planned',
      date,
      tour: tour && date >= tour.start && date <= tour.end ? tour : undefined,
      speakers: chooseSpeakers(v, tour),
    })
  })
  return drafts
}

const START_TIMES: Record<VenueType, string[]> = {
  school: ['08:30', '09:00', '10:00', '14:30', '15:00'],
  enterprise: ['09:00', '09:30', '10:00', '14:00', '14:30', '15:00', '16:00'],
  community: ['09:00', '09:30', '10:00', '14:30', '15:00', '15:30'],
}
const AUDIENCE: Record<VenueType, [number, number]> = {
  school: [300, 1200],
  enterprise: [60, 420],
  community: [60, 260],
}

interface Talk {
  id: string
  draft: TalkDraft
  startsAt: string
  endsAt: string
  title: string
  topic: string
  audienceSize?: number
  photoIds: string[]
}

const names = (ws: WorkerSpec[]): string => ws.map((w) => w.name).join('、')

function talkSummary(t: Talk): string {
  const { venue: v, speakers, status } = t.draft
  const who = names(speakers)
  if (status === 'planned') return `计划邀请${who}围绕“${t.topic}”作报告，具体安排以主办方通知为准。`
  if (status === 'cancelled') return `原定由${who}围绕“${t.topic}”作报告。因场地安排调整，本场报告会取消，另行安排。`
  const lead =
    v.type === 'school'
      ? `${who}走进${v.name}，以“${t.topic}”为题，结合自己的成长经历与${t.audienceSize}名师生交流。`
      : v.type === 'enterprise'
        ? `${who}来到${v.name}，围绕“${t.topic}”讲述岗位上的故事，${t.audienceSize}名职工参加。`
        : `${who}在${v.name}与${t.audienceSize}名居民和职工面对面，分享“${t.topic}”方面的体会。`
  const tail = pick([
    '报告会后，听众围着劳模问了不少问题。',
    '现场还发放了劳模事迹读本。',
    '',
    '主办方表示将把宣讲活动常态化开展下去。',
    '',
  ])
  return lead + tail
}

function finaliseTalks(drafts: TalkDraft[]): Talk[] {
  const timed = drafts.map((d) => {
    const start = pick(START_TIMES[d.venue.type])
    return { d, start, minutes: pick([90, 105, 120]) }
  })
  timed.sort(
    (a, b) => (a.d.date + a.start).localeCompare(b.d.date + b.start) || a.d.venue.name.localeCompare(b.d.venue.name),
  )
  const seenVenue = new Map<string, number>()
  return timed.map(({ d, start, minutes }, i) => {
    const n = (seenVenue.get(d.venue.name) ?? 0) + 1
    seenVenue.set(d.venue.name, n)
    const suffix = n > 1 ? `（第${chineseNumber(n)}场）` : ''
    const title =
      d.title ??
      (d.tour === SHUANGLIAN
        ? `${SHUANGLIAN.short}——${d.venue.name}${suffix}`
        : d.tour
          ? `${d.tour.short}——${d.venue.name}专场报告会${suffix}`
          : `${d.venue.name}劳模事迹报告会${suffix}`)
    const [lo, hi] = AUDIENCE[d.venue.type]
    const talk: Talk = {
      id: `talk-${String(i + 1).padStart(3, '0')}`,
      draft: d,
      startsAt: chinaTimeToUtc(d.date, start),
      endsAt: chinaTimeToUtc(d.date, start, minutes),
      title,
      topic: pick(d.speakers[0].topics),
      audienceSize: d.status === 'held' ? randInt(lo, hi) : undefined,
      photoIds: [],
    }
    return talk
  })
}

function talkDoc(t: Talk): Json {
  const d = t.draft
  return {
    _id: t.id,
    _type: 'talk',
    title: t.title,
    startsAt: t.startsAt,
    endsAt: t.endsAt,
    venueName: d.venue.name,
    venueType: assertIn('venueType', d.venue.type),
    location: { _type: 'geopoint', lat: d.venue.lat, lng: d.venue.lng },
    prefecture: d.venue.prefecture,
    county: d.venue.county,
    speakers: d.speakers.map((w) => refItem(`${t.id}.speakers`, workerId(w))),
    ...(d.tour ? { tour: ref(d.tour.id) } : {}),
    status: assertIn('status', d.status),
    ...(t.audienceSize !== undefined ? { audienceSize: t.audienceSize } : {}),
    summary: talkSummary(t),
    ...(t.photoIds.length ? { photos: t.photoIds.map((p) => refItem(`${t.id}.photos`, p)) } : {}),
  }
}

// ---------------------------------------------------------------------------------------------
// Photos
// ---------------------------------------------------------------------------------------------

interface PhotoSpec {
  id: string
  file: string
  caption: string
  alt: string
  takenAt?: string
  place?: string
  prefecture?: string
  people?: string[]
  talk?: string
  showsMinors?: boolean
}

const ARTICLE_CAPTIONS = [
  '全国劳模、嘉峪关钢铁三中教师闫桂珍在给小学生做辅导',
  '全国劳模新志强深入省总工会“双联村”指导果树栽培技术',
  '兰州石化公司基层班组长正在进行劳模评选投票',
  '甘肃省总工会“中国梦·双联情”劳动模范陇西报告会会场',
  '甘肃省总召开学习贯彻《中央关于加强和改进党的群团工作的意见》调研座谈会',
  '镇原县总工会联合县人社局对农民工进行了家政服务项目的培训，并对合格者颁发技能证书',
]

function articlePhotos(talks: Talk[]): PhotoSpec[] {
  const longxi = talks.find((t) => t.draft.articlePhoto)
  if (!longxi) throw new Error('陇西 report meeting missing')
  const altFor = (what: string): string => `示例占位图：代替原报道配图（${what}），画面只有文字，并非原照片`
  const specs: PhotoSpec[] = [
    {
      id: 'photo-article-01',
      file: '',
      caption: ARTICLE_CAPTIONS[0],
      alt: altFor('教师给小学生做辅导'),
      prefecture: '嘉峪关市',
      people: ['worker-yan-guizhen'],
      showsMinors: true,
    },
    {
      id: 'photo-article-02',
      file: '',
      caption: ARTICLE_CAPTIONS[1],
      alt: altFor('劳模在村里指导果树栽培'),
      people: ['worker-xin-zhiqiang'],
    },
    {
      id: 'photo-article-03',
      file: '',
      caption: ARTICLE_CAPTIONS[2],
      alt: altFor('班组长投票评选劳模'),
      prefecture: '兰州市',
    },
    {
      id: 'photo-article-04',
      file: '',
      caption: ARTICLE_CAPTIONS[3],
      alt: altFor('报告会会场'),
      prefecture: '定西市',
      place: '陇西县',
      talk: longxi.id,
    },
    { id: 'photo-article-05', file: '', caption: ARTICLE_CAPTIONS[4], alt: altFor('调研座谈会') },
    {
      id: 'photo-article-06',
      file: '',
      caption: ARTICLE_CAPTIONS[5],
      alt: altFor('农民工家政服务培训'),
      prefecture: '庆阳市',
      place: '镇原县',
    },
  ]
  for (const s of specs) s.file = registerImage(`${s.id}.jpg`, 'photo', s.caption)
  longxi.photoIds.push('photo-article-04')
  return specs
}

function talkPhotoCaption(t: Talk, n: number): { caption: string; minors: boolean } {
  const v = t.draft.venue
  const who = t.draft.speakers[0].name
  // School photos would show pupils: flagged, with (sample) guardian consent recorded.
  if (v.type === 'school') {
    return n === 1
      ? { caption: `${who}在${v.name}为同学们讲述成长故事`, minors: true }
      : { caption: `报告会后，同学们在${v.name}向${who}提问`, minors: true }
  }
  if (v.type === 'enterprise') {
    return n === 1
      ? { caption: `${who}在${v.name}与职工交流“${t.topic}”经验`, minors: false }
      : { caption: `${v.name}报告会现场，职工认真聆听`, minors: false }
  }
  return n === 1
    ? { caption: `${who}在${v.name}为居民作劳模事迹宣讲`, minors: false }
    : { caption: `居民在${v.name}与${who}交流`, minors: false }
}

function addTalkPhoto(t: Talk): PhotoSpec {
  const n = t.photoIds.filter((p) => p.startsWith('photo-talk-')).length + 1
  const id = `photo-${t.id}-${n}`
  const { caption, minors } = talkPhotoCaption(t, n)
  t.photoIds.push(id)
  return {
    id,
    file: registerImage(`${id}.jpg`, 'photo', caption),
    caption,
    alt: `示例占位图：浅色背景上印着“示例占位图”“PLACEHOLDER”和说明文字，并非报告会现场照片`,
    takenAt: t.startsAt ? chinaDate(t.startsAt) : undefined,
    place: t.draft.venue.name,
    prefecture: t.draft.venue.prefecture,
    people: t.draft.speakers.map(workerId),
    talk: t.id,
    showsMinors: minors,
  }
}

/** UTC ISO → China calendar date. */
const chinaDate = (utc: string): string => new Date(Date.parse(utc) + 8 * 3600_000).toISOString().slice(0, 10)

function photoDoc(p: PhotoSpec): Json {
  return {
    _id: p.id,
    _type: 'photo',
    image: { _type: 'image', _sanityAsset: asset(p.file) },
    caption: p.caption,
    alt: p.alt,
    credit: PLACEHOLDER_CREDIT,
    ...(p.takenAt ? { takenAt: p.takenAt } : {}),
    ...(p.place ? { place: p.place } : {}),
    ...(p.prefecture ? { prefecture: p.prefecture } : {}),
    ...(p.people?.length ? { people: p.people.map((w) => refItem(`${p.id}.people`, w)) } : {}),
    ...(p.talk ? { talk: ref(p.talk) } : {}),
    showsMinors: Boolean(p.showsMinors),
    ...(p.showsMinors ? { minorsConsent: true } : {}),
    placeholder: true,
  }
}

// ---------------------------------------------------------------------------------------------
// Stories
// ---------------------------------------------------------------------------------------------

interface StorySpec {
  id: string
  slug: string
  title: string
  publishedAt: string
  excerpt: string
  main: CaptionedImage
  body: BodyItem[]
  related: string[]
  author: string
}

const photoImage = (p: PhotoSpec): CaptionedImage => ({ file: p.file, caption: p.caption, alt: p.alt })
const FICTION_NOTE = '（本文为演示用示例报道，文中劳模、单位和场次均为虚构示例。）'
const zhDate = (iso: string): string => `${+iso.slice(0, 4)}年${+iso.slice(5, 7)}月${+iso.slice(8, 10)}日`

function buildStories(talks: Talk[], photos: PhotoSpec[]): StorySpec[] {
  const photo = (id: string): PhotoSpec => {
    const p = photos.find((x) => x.id === id)
    if (!p) throw new Error(`photo ${id} missing`)
    return p
  }
  const firstPhotoOf = (t: Talk): PhotoSpec => photo(t.photoIds.find((p) => p.startsWith('photo-talk-'))!)
  const held = talks.filter((t) => t.draft.status === 'held')
  const findTalk = (pred: (t: Talk) => boolean, what: string): Talk => {
    const t = held.find((x) => pred(x) && x.photoIds.some((p) => p.startsWith('photo-talk-')))
    if (!t) throw new Error(`no talk for story: ${what}`)
    return t
  }
  const speaks = (t: Talk, slug: string): boolean => t.draft.speakers.some((w) => w.slug === slug)

  // A. The source article, restated.
  const a1 = photo('photo-article-01')
  const a2 = photo('photo-article-02')
  const a4 = photo('photo-article-04')
  const storyArticle: StorySpec = {
    id: 'story-gansu-gonghui-213-chang-baogaohui',
    slug: 'gansu-gonghui-213-chang-baogaohui',
    title: '劳模进企业、进校园、进社区举办报告会213场（次）',
    publishedAt: '2025-04-28T02:00:00Z',
    excerpt:
      '据《凝聚起建设幸福美好新甘肃的磅礴力量——甘肃工会工作创新发展纪实》报道，甘肃工会组织劳模进企业、进校园、进社区举办报告会213场（次），让数十万聆听者备受教育和鼓舞。',
    main: photoImage(a4),
    body: [
      `本文摘编自${SOURCE_ARTICLE}，以下内容均据该文转述。本站其余报告会场次和人物为演示用示例数据。`,
      { style: 'h2', text: '213场报告会' },
      '文章介绍，劳模进企业、进校园、进社区举办报告会213场（次），让数十万聆听者备受教育和鼓舞。',
      '各级工会按照省总工会统一部署，积极做好劳模的推荐、评选、表彰工作，举办“五一”庆祝和主题宣传活动，宣传劳模先进事迹，扩大劳模影响，在社会上唱响了“劳动光荣、劳模伟大”的时代强音。',
      { image: photoImage(a4) },
      { style: 'h2', text: '报道中的劳模' },
      '文章配发的图片记录了两位全国劳模：',
      { bullet: '全国劳模、嘉峪关钢铁三中教师闫桂珍在给小学生做辅导。' },
      { bullet: '全国劳模新志强深入省总工会“双联村”指导果树栽培技术。' },
      { image: photoImage(a1) },
      { image: photoImage(a2) },
      { style: 'h2', text: '“十大行动”' },
      '文章还提到，甘肃省总工会确立了精准扶贫、思想引领、建功立业、素质提升、陇原工匠、劳模引领、职工创新、劳模创新、班组创新、健康幸福“十大行动”。',
      '说明：本页配图均为程序生成的示例占位图，并非原报道照片。',
    ],
    related: ['worker-yan-guizhen', 'worker-xin-zhiqiang'],
    author: '劳模宣讲编辑部（示例）',
  }

  // B. 进校园 launch.
  const schoolTalks = held.filter((t) => t.draft.tour === TOUR_BY_TYPE.school)
  const firstSchool = schoolTalks[0]
  const bTalk = findTalk(
    (t) => t.draft.venue.type === 'school' && (speaks(t, 'wang-jianguo') || speaks(t, 'chen-jing')),
    '进校园',
  )
  const bSpeaker = bTalk.draft.speakers[0]
  const storySchool: StorySpec = {
    id: 'story-xiaoyuan-shouchang',
    slug: 'jin-xiaoyuan-shouchang-baogaohui',
    title: '劳模精神进校园：把岗位上的故事讲给学生听',
    publishedAt: `${isoDay(Math.max(dayNumber(chinaDate(firstSchool.startsAt)), dayNumber(chinaDate(bTalk.startsAt))) + 1)}T08:00:00Z`,
    excerpt: `“劳模精神进校园”宣讲活动${zhDate(chinaDate(firstSchool.startsAt))}在${firstSchool.draft.venue.name}开讲，劳模们用亲身经历和同学们聊劳动、聊成长。`,
    main: photoImage(firstPhotoOf(bTalk)),
    body: [
      FICTION_NOTE,
      { style: 'h2', text: '第一课从一次失误讲起' },
      `${zhDate(chinaDate(firstSchool.startsAt))}，“劳模精神进校园”首场报告会在${firstSchool.draft.venue.name}举行，${names(firstSchool.draft.speakers)}走上讲台。没有讲稿，只有几张工作照和一个用了多年的工具包。`,
      '“我年轻时也出过错。”报告从一次失误讲起：怎样找原因、怎样补短板、怎样把同一件事做上一千遍还不走样。台下的同学们听得格外安静。',
      { image: photoImage(firstPhotoOf(bTalk)) },
      { style: 'h2', text: '劳动教育不只在课堂上' },
      `在${bTalk.draft.venue.name}，${bSpeaker.name}围绕“${bTalk.topic}”和同学们交流。学校老师说，劳模讲的都是身边事，比课本上的道理更容易记住。`,
      '按照计划，宣讲团将陆续走进全省中小学、职业院校和高校，学校也可以通过本站的预约页面提出申请。',
    ],
    related: [...new Set([...firstSchool.draft.speakers, ...bTalk.draft.speakers].map(workerId))],
    author: '劳模宣讲编辑部（示例）',
  }

  // C. 双联情 in 陇西.
  const slTalks = talks.filter((t) => t.draft.tour === SHUANGLIAN)
  const longxiTalks = slTalks.filter((t) => t.draft.venue.county === '陇西县')
  const cTalk = findTalk(
    (t) => t.draft.tour === SHUANGLIAN && t.draft.venue.county === '陇西县' && !t.draft.articlePhoto,
    '陇西',
  )
  const last = slTalks[slTalks.length - 1]
  const storyLongxi: StorySpec = {
    id: 'story-shuanglianqing-longxi',
    slug: 'shuanglianqing-longxi',
    title: '“中国梦·双联情”报告会走进陇西',
    publishedAt: `${chinaDate(last.startsAt)}T09:00:00Z`,
    excerpt: `“中国梦·双联情”劳动模范报告会今年共举办${slTalks.length}场，其中${longxiTalks.length}场在陇西县，走进社区、学校和企业。`,
    main: photoImage(firstPhotoOf(cTalk)),
    body: [
      FICTION_NOTE,
      { style: 'h2', text: `${slTalks.length}场报告会走进“双联”村镇` },
      `从${zhDate(chinaDate(slTalks[0].startsAt))}到${zhDate(chinaDate(last.startsAt))}，报告团先后走进定西、天水、陇南、临夏、甘南、平凉、庆阳等地的村镇和基层单位。`,
      { style: 'h2', text: `陇西${chineseNumber(longxiTalks.length)}站` },
      ...longxiTalks.map((t) => ({
        bullet: `${zhDate(chinaDate(t.startsAt))}：${t.draft.venue.name}，宣讲劳模${names(t.draft.speakers)}。`,
      })),
      { image: photoImage(firstPhotoOf(cTalk)) },
      `在${cTalk.draft.venue.name}，${names(cTalk.draft.speakers)}围绕“${cTalk.topic}”作报告。报告结束后，不少听众留下来，继续向劳模请教。`,
    ],
    related: [...new Set(longxiTalks.flatMap((t) => t.draft.speakers).map(workerId))],
    author: '劳模宣讲编辑部（示例）',
  }

  // D. 进企业 — contains an HTML-like string in plain prose (must render as text).
  const dTalk = findTalk(
    (t) =>
      t.draft.venue.type === 'enterprise' &&
      (speaks(t, 'zhang-hongmei') || speaks(t, 'liu-tiejun') || speaks(t, 'gao-zhiyuan')),
    '进企业',
  )
  const storyEnterprise: StorySpec = {
    id: 'story-qiye-banzu-yitangke',
    slug: 'qiye-banzu-yitangke',
    title: '劳模工匠进企业：班组里的一堂课',
    publishedAt: `${chinaDate(dTalk.startsAt)}T10:00:00Z`,
    excerpt: `${names(dTalk.draft.speakers)}来到${dTalk.draft.venue.name}，和一线职工聊安全、聊创新。`,
    main: photoImage(firstPhotoOf(dTalk)),
    body: [
      FICTION_NOTE,
      { style: 'h2', text: '一线的办法' },
      `${zhDate(chinaDate(dTalk.startsAt))}，${names(dTalk.draft.speakers)}来到${dTalk.draft.venue.name}，围绕“${dTalk.topic}”和${dTalk.audienceSize}名职工交流。`,
      '报告没有空话：设备巡检怎么看、隐患怎么报、新人怎么带，都是一线的办法。',
      { style: 'h2', text: '称号不是标签' },
      '一位青年职工在留言本上写下“<b>不是标签</b>”几个字——他从手机上复制标语时，把网页里的格式代码也一起抄了下来。大家看了都笑了，劳模却说这句话说得对：劳模称号不是贴在墙上的标签，而是每天的活儿干得怎么样。',
      { image: photoImage(firstPhotoOf(dTalk)) },
      '企业工会表示，今后将把劳模进班组作为常态化活动，每季度至少安排一次。',
    ],
    related: dTalk.draft.speakers.map(workerId),
    author: '劳模宣讲编辑部（示例）',
  }

  // E. 进社区.
  const eTalk = findTalk(
    (t) => t.draft.venue.type === 'community' && t.draft.tour === TOUR_BY_TYPE.community && t.startsAt >= '2026-01-01',
    '进社区',
  )
  const storyCommunity: StorySpec = {
    id: 'story-shequ-jiamenkou',
    slug: 'shequ-jiamenkou-ting-laomo',
    title: '劳模宣讲进社区：家门口听劳模讲故事',
    publishedAt: `${chinaDate(eTalk.startsAt)}T11:00:00Z`,
    excerpt: `${names(eTalk.draft.speakers)}走进${eTalk.draft.venue.name}，和居民们面对面拉家常、讲故事。`,
    main: photoImage(firstPhotoOf(eTalk)),
    body: [
      FICTION_NOTE,
      { style: 'h2', text: '板凳一摆就开讲' },
      `${zhDate(chinaDate(eTalk.startsAt))}，${eTalk.draft.venue.name}里坐满了人。${names(eTalk.draft.speakers)}没有用话筒，板凳一摆就和大家聊了起来。`,
      `“${eTalk.topic}”听起来是个大题目，劳模讲的却是自己岗位上的小事。不少居民带着孩子来，散场时还有人问下一场什么时候来。`,
      { image: photoImage(firstPhotoOf(eTalk)) },
      '社区工作人员说，今后会把劳模宣讲和新时代文明实践活动结合起来，定期请劳模到社区。',
    ],
    related: eTalk.draft.speakers.map(workerId),
    author: '劳模宣讲编辑部（示例）',
  }

  // F. 五一 2026 round-up with numbers from the data.
  const window = held.filter((t) => t.startsAt >= '2026-04-01' && t.startsAt < '2026-06-01')
  const heldSoFar = held.filter((t) => t.startsAt < '2026-05-08')
  const byType = (ts: Talk[], type: VenueType): number => ts.filter((t) => t.draft.venue.type === type).length
  const audience = heldSoFar.reduce((sum, t) => sum + (t.audienceSize ?? 0), 0)
  const fTalk = findTalk((t) => t.startsAt >= '2026-03-01' && t.startsAt < '2026-05-08', '五一')
  const storyMayDay: StorySpec = {
    id: 'story-2026-wuyi-laomo-xuanjiang',
    slug: '2026-wuyi-laomo-xuanjiang',
    title: '“五一”前后劳模宣讲综述',
    publishedAt: '2026-05-08T02:00:00Z',
    excerpt: `截至5月初，2025年以来示例数据中已举办报告会${heldSoFar.length}场，累计听众约${(audience / 10000).toFixed(1)}万人次。`,
    main: photoImage(firstPhotoOf(fTalk)),
    body: [
      FICTION_NOTE,
      { style: 'h2', text: '数字里的宣讲' },
      `2025年1月以来，示例数据中已举办报告会${heldSoFar.length}场，其中：`,
      { bullet: `进企业${byType(heldSoFar, 'enterprise')}场；` },
      { bullet: `进校园${byType(heldSoFar, 'school')}场；` },
      { bullet: `进社区${byType(heldSoFar, 'community')}场。` },
      `4月至5月，全省共安排${window.length}场报告会，覆盖${new Set(window.map((t) => t.draft.venue.prefecture)).size}个市州。`,
      { style: 'h2', text: '下一步' },
      '下半年，宣讲团将继续走进企业班组、中小学和城乡社区，并在网站上公布每一场报告会的时间和地点。',
    ],
    related: [...new Set(window.flatMap((t) => t.draft.speakers).map(workerId))].sort().slice(0, 6),
    author: '劳模宣讲编辑部（示例）',
  }

  return [storyArticle, storySchool, storyLongxi, storyEnterprise, storyCommunity, storyMayDay]
}

function storyDoc(s: StorySpec): Json {
  return {
    _id: s.id,
    _type: 'story',
    title: s.title,
    slug: { _type: 'slug', current: s.slug },
    publishedAt: s.publishedAt,
    excerpt: s.excerpt,
    mainImage: { _type: 'captionedImage', ...captionedImageFields(s.main) },
    body: portableText(`${s.id}.body`, s.body),
    relatedWorkers: s.related.map((w) => refItem(`${s.id}.related`, w)),
    author: s.author,
  }
}

/**
 * Drafts, as the Studio leaves them before 发布: seen only by the preview server (npm run preview:drafts),
 * never by the public site. One unpublished edit of a story, and one story never published. Both say in
 * their title that they are sample drafts.
 */
function buildDrafts(stories: Json[]): Json[] {
  const edited = stories.find((d) => (d.slug as { current: string }).current === 'qiye-banzu-yitangke')!
  const base = stories[0]!
  return [
    { ...edited, _id: `drafts.${edited._id}`, title: `【草稿示例】${String(edited.title)}（修改尚未发布）` },
    {
      ...base,
      _id: 'drafts.story-draft-sample',
      title: '【草稿示例】尚未发布的报道：劳模宣讲走进乡村',
      slug: { _type: 'slug', current: 'caogao-shili-zoujin-xiangcun' },
      publishedAt: '2026-11-30T02:00:00Z',
      excerpt: '这是一篇示例草稿，只在预览中可见；发布之前，它不会出现在网站上。',
      body: portableText('story-draft-sample.body', [
        FICTION_NOTE,
        '这篇示例草稿用来演示预览：编辑在内容管理后台保存草稿后，可以在预览中看到它在网站上的样子，再决定是否发布。',
      ]),
      relatedWorkers: [],
    },
  ]
}

// ---------------------------------------------------------------------------------------------
// Talk requests
// ---------------------------------------------------------------------------------------------

function buildRequests(talks: Talk[]): Json[] {
  const scheduledTalk = talks.find(
    (t) => t.draft.status === 'planned' && t.draft.venue.type === 'school' && t.startsAt >= '2027-03-01',
  )
  if (!scheduledTalk) throw new Error('no planned school talk for the scheduled request')
  const sv = scheduledTalk.draft.venue
  const sDate = chinaDate(scheduledTalk.startsAt)
  const plus = (iso: string, days: number): string => isoDay(dayNumber(iso) + days)
  const specs: {
    status: string
    receivedAt: string
    school: string
    contactName: string
    email?: string
    preferredWorkers?: string[]
    topic: string
    dates: [string, string][]
    gradeBand: string
    audienceSize: number
    prefecture: string
    address: string
    notes?: string
    talk?: string
  }[] = [
    {
      status: 'new',
      receivedAt: '2026-11-18T02:12:00Z',
      school: '兰州市城关区启明路小学（示例）',
      contactName: '王老师',
      email: 'qiming-school@example.org',
      topic: '劳动教育',
      dates: [
        ['2027-03-08', '2027-03-19'],
        ['2027-04-12', '2027-04-23'],
      ],
      gradeBand: 'primary',
      audienceSize: 600,
      prefecture: '兰州市',
      address: '兰州市城关区某路1号（示例地址）',
      notes: '希望安排在周三下午的班会时间。',
    },
    {
      status: 'new',
      receivedAt: '2026-11-20T07:45:00Z',
      school: '天水市秦州区青禾初级中学（示例）',
      contactName: '李老师',
      preferredWorkers: ['worker-tian-xiuying'],
      topic: '乡村振兴',
      dates: [['2027-04-06', '2027-04-30']],
      gradeBand: 'junior',
      audienceSize: 450,
      prefecture: '天水市',
      address: '天水市秦州区某街2号（示例地址）',
    },
    {
      status: 'contacted',
      receivedAt: '2026-11-05T03:30:00Z',
      school: '白银市平川区星火职业技术学校（示例）',
      contactName: '张主任',
      email: 'xinghuo-vocational@example.org',
      preferredWorkers: ['worker-he-chunhua'],
      topic: '技能成才',
      dates: [
        ['2026-12-07', '2026-12-18'],
        ['2027-03-15', '2027-03-26'],
      ],
      gradeBand: 'vocational',
      audienceSize: 800,
      prefecture: '白银市',
      address: '白银市平川区某路3号（示例地址）',
      notes: '工作人员已电话联系，等待学校确定礼堂档期。',
    },
    {
      status: 'scheduled',
      receivedAt: '2026-10-21T01:05:00Z',
      school: sv.name,
      contactName: '赵老师',
      email: 'school-booking@example.org',
      preferredWorkers: scheduledTalk.draft.speakers.map(workerId),
      topic: scheduledTalk.topic,
      dates: [[plus(sDate, -5), plus(sDate, 5)]],
      gradeBand: sv.name.includes('小学') ? 'primary' : sv.name.includes('职业') ? 'vocational' : 'senior',
      audienceSize: 900,
      prefecture: sv.prefecture,
      address: `${sv.county}（示例地址）`,
      notes: `已安排：${scheduledTalk.title}。`,
      talk: scheduledTalk.id,
    },
    {
      status: 'declined',
      receivedAt: '2026-10-09T09:20:00Z',
      school: '酒泉市肃州区晨曦中学（示例）',
      contactName: '孙老师',
      topic: '爱岗敬业',
      dates: [['2026-10-19', '2026-10-23']],
      gradeBand: 'senior',
      audienceSize: 300,
      prefecture: '酒泉市',
      address: '酒泉市肃州区某巷5号（示例地址）',
      notes: '希望的日期距提交不足两周，当月宣讲行程已满；已电话说明，建议下学期重新预约。',
    },
  ]
  const perDay = new Map<string, number>()
  return specs.map((s, i) => {
    const day = chinaDate(s.receivedAt).replace(/-/g, '')
    const seq = (perDay.get(day) ?? 0) + 1
    perDay.set(day, seq)
    const id = `request-${String(i + 1).padStart(4, '0')}`
    return {
      _id: id,
      _type: 'talkRequest',
      status: assertIn('requestStatus', s.status),
      reference: `LM-${day}-${String(seq).padStart(4, '0')}`,
      receivedAt: s.receivedAt,
      school: s.school,
      contactName: s.contactName,
      phone: `138000000${String(i + 1).padStart(2, '0')}`,
      ...(s.email ? { email: s.email } : {}),
      ...(s.preferredWorkers ? { preferredWorkers: s.preferredWorkers.map((w) => refItem(`${id}.workers`, w)) } : {}),
      topic: s.topic,
      preferredDates: s.dates.map(([start, end], j) => ({ _type: 'dateRange', _key: key(id, 'dates', j), start, end })),
      gradeBand: assertIn('gradeBand', s.gradeBand),
      audienceSize: s.audienceSize,
      prefecture: s.prefecture,
      address: s.address,
      ...(s.notes ? { notes: s.notes } : {}),
      consent: true,
      ...(s.talk ? { talk: ref(s.talk) } : {}),
    }
  })
}

// ---------------------------------------------------------------------------------------------
// Site settings
// ---------------------------------------------------------------------------------------------

const SITE_SETTINGS: Json = {
  _id: 'siteSettings',
  _type: 'siteSettings',
  title: '劳模宣讲',
  tagline: '劳模进企业、进校园、进社区——听劳模讲身边的奋斗故事',
  organisation: '甘肃省总工会（示例数据）',
  icp: '',
  bookingOffice: '省总工会劳模宣讲办公室（示例）',
  bookingPhone: '0931-0000000',
  bookingEmail: 'booking@example.org',
  bookingNotes:
    '学校可在线提交预约申请，工作人员一般在 5 个工作日内电话联系。请提前至少一个月预约，并注明学段和预计听众人数。（示例数据，电话和邮箱均为虚构。）',
  mapProvider: 'bundled',
  mapApproval: '',
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const workers = [...REAL_WORKERS, ...FICTIONAL_WORKERS.map(workerDoc)]
  const talks = finaliseTalks(buildTalkDrafts())
  if (talks.length !== TOTAL_TALKS) throw new Error(`expected ${TOTAL_TALKS} talks, got ${talks.length}`)

  // Photos: the article's six, then talk photos — one per prefecture, a dozen more, a few pairs,
  // and the ones the stories need.
  const photos: PhotoSpec[] = articlePhotos(talks)
  const held = talks.filter((t) => t.draft.status === 'held')
  const hasTalkPhoto = (t: Talk): boolean => t.photoIds.some((p) => p.startsWith('photo-talk-'))
  const ensurePhoto = (pred: (t: Talk) => boolean): void => {
    const candidates = held.filter(pred)
    if (!candidates.length || candidates.some(hasTalkPhoto)) return
    photos.push(addTalkPhoto(candidates[0]))
  }
  for (const p of PREFECTURES) {
    const local = held.filter((t) => t.draft.venue.prefecture === p.name && !t.draft.articlePhoto)
    photos.push(addTalkPhoto(pick(local)))
  }
  const extra = shuffle(held.filter((t) => !hasTalkPhoto(t) && !t.draft.articlePhoto)).slice(0, 8)
  for (const t of extra) photos.push(addTalkPhoto(t))
  for (const t of extra.slice(0, 3)) photos.push(addTalkPhoto(t))
  const speaks = (t: Talk, ...slugs: string[]): boolean => t.draft.speakers.some((w) => slugs.includes(w.slug))
  ensurePhoto((t) => t.draft.venue.type === 'school' && speaks(t, 'wang-jianguo', 'chen-jing'))
  ensurePhoto((t) => t.draft.tour === SHUANGLIAN && t.draft.venue.county === '陇西县' && !t.draft.articlePhoto)
  ensurePhoto((t) => t.draft.venue.type === 'enterprise' && speaks(t, 'zhang-hongmei', 'liu-tiejun', 'gao-zhiyuan'))
  ensurePhoto(
    (t) => t.draft.venue.type === 'community' && t.draft.tour === TOUR_BY_TYPE.community && t.startsAt >= '2026-01-01',
  )
  ensurePhoto((t) => t.startsAt >= '2026-03-01' && t.startsAt < '2026-05-08')

  const stories = buildStories(talks, photos)
  const requests = buildRequests(talks)

  const byId = (a: Json, b: Json): number => String(a._id).localeCompare(String(b._id))
  const groups: Json[][] = [
    [SITE_SETTINGS],
    TOURS.map(tourDoc).sort(byId),
    workers.sort(byId),
    talks.map(talkDoc).sort(byId),
    photos.map(photoDoc).sort(byId),
    stories.map(storyDoc).sort(byId),
    requests.sort(byId),
    buildDrafts(stories.map(storyDoc)).sort(byId),
  ]
  const lines = groups.flat().map((doc) => JSON.stringify(doc))
  mkdirSync(SEED_DIR, { recursive: true })
  writeFileSync(join(SEED_DIR, 'data.ndjson'), lines.join('\n') + '\n')
  const bytes = await renderImages()

  const published = groups.flat().filter((d) => !String(d._id).startsWith('drafts.'))
  const count = (type: string): number => published.filter((d) => d._type === type).length
  console.log(
    `wrote ${lines.length} documents (${count('talk')} talks, ${count('modelWorker')} workers, ${count('photo')} photos, ` +
      `${count('story')} stories, ${count('talkRequest')} requests, ${count('tour')} tours, ` +
      `${lines.length - published.length} drafts) and ${imageJobs.size} images ` +
      `(${(bytes / 1024).toFixed(0)} KB) to ${SEED_DIR}`,
  )
}

await main()
