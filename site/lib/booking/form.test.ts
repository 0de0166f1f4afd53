import { describe, expect, it } from 'vitest'
import {
  cleanText,
  dateBounds,
  isCalendarDate,
  parseBooking,
  valuesFromParams,
  type FieldName,
  type FormValues,
  type ValidRequest,
} from './form'

const options = {
  workerIds: ['worker-a', 'worker-b'],
  topics: ['劳动教育', '工匠精神', '安全生产'],
  today: '2026-11-24',
}
const good: FormValues = {
  school: ' 兰州市某小学 ',
  contactName: '王老师',
  phone: '+86 138-0000-0001',
  email: '',
  workers: ['worker-a'],
  topic: '劳动教育',
  date1Start: '2026-12-01',
  date1End: '2026-12-10',
  date2Start: '',
  date2End: '',
  gradeBand: 'primary',
  audienceSize: '300',
  prefecture: '兰州市',
  address: '城关区某路 1 号',
  notes: '',
  consent: 'yes',
}

describe('parseBooking', () => {
  it('accepts a complete request and normalises it', () => {
    const result = parseBooking(good, options)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.request).toEqual({
      school: '兰州市某小学',
      contactName: '王老师',
      phone: '13800000001',
      email: undefined,
      workers: ['worker-a'],
      anyWorker: false,
      topic: '劳动教育',
      preferredDates: [{ start: '2026-12-01', end: '2026-12-10' }],
      gradeBand: 'primary',
      audienceSize: 300,
      prefecture: '兰州市',
      address: '城关区某路 1 号',
      notes: undefined,
      consent: true,
    })
  })

  it('keeps both date ranges and treats no worker as "any"', () => {
    const result = parseBooking({ ...good, workers: [], date2Start: '2027-01-05', date2End: '2027-01-09' }, options)
    expect(result.ok && result.request.preferredDates).toHaveLength(2)
    expect(result.ok && result.request.workers).toEqual([])
    expect(result.ok && result.request.anyWorker).toBe(true)
  })

  it.each([
    ['phone', '1380000000', '11 位大陆手机号码'],
    ['phone', '12800000000', '11 位大陆手机号码'],
    ['phone', '', '请填写手机号码'],
    ['email', 'not-an-email', '邮箱格式不正确'],
    ['school', '   ', '请填写学校名称'],
    ['audienceSize', '12.5', '整数'],
    ['audienceSize', '0', '1 到 5000'],
    ['audienceSize', '99999', '1 到 5000'],
    ['gradeBand', '', '请选择学段'],
    ['prefecture', '', '请选择学校所在市州'],
    ['prefecture', '西安市', '所选市州不在甘肃省的市州之中'],
    ['consent', '', '请勾选同意'],
    ['date1Start', '2026-11-01', '不能早于今天'],
    ['date1Start', '2026-13-45', '月份应在 1 到 12 之间'],
    ['date1Start', '2026-1-5', '格式不正确'],
    ['date1Start', '2028-06-01', '一年以内'],
    ['notes', 'x'.repeat(1001), '不能超过 1000 个字'],
    ['notes', '<script>alert(1)</script>', '网页代码'],
    ['school', '<a href=x>某小学</a>', '网页代码'],
  ] as const)('%s = %j → "%s"', (field, value, message) => {
    const result = parseBooking({ ...good, [field]: value }, options)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors[field]).toContain(message)
  })

  it('rejects an end before the start, and half a second range', () => {
    const r1 = parseBooking({ ...good, date1End: '2026-11-30' }, options)
    expect(!r1.ok && r1.errors.date1End).toBe('结束日期不能早于开始日期')
    const r2 = parseBooking({ ...good, date2Start: '2027-01-05' }, options)
    expect(!r2.ok && r2.errors.date2End).toContain('第二备选的结束日期')
  })

  it('rejects workers who are not on the school list, and more than five', () => {
    const r1 = parseBooking({ ...good, workers: ['worker-x'] }, options)
    expect(!r1.ok && r1.errors.workers).toContain('不在可预约名单')
    const r2 = parseBooking({ ...good, workers: Array(6).fill('worker-a') }, options)
    expect(!r2.ok && r2.errors.workers).toContain('最多选择 5 位')
  })

  it('names every missing required field', () => {
    const result = parseBooking({}, options)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(Object.keys(result.errors).sort()).toEqual(
      [
        'school',
        'contactName',
        'phone',
        'date1Start',
        'date1End',
        'gradeBand',
        'audienceSize',
        'prefecture',
        'address',
        'consent',
      ].sort(),
    )
  })

  it('rejects wrong types without throwing', () => {
    const result = parseBooking({ school: 42, workers: 'worker-a' } as unknown as FormValues, options)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors.school).toBeTruthy()
  })
})

/** The field's value as stored, for the fields a normalisation case can touch. */
function storedValue(request: ValidRequest, field: FieldName): unknown {
  if (field === 'date1Start') return request.preferredDates[0]!.start
  if (field === 'date1End') return request.preferredDates[0]!.end
  return request[field as keyof ValidRequest]
}

const CONTROL = (label: string) => `${label}含有无法识别的控制字符，请删除后重新填写`
const ONE_LINE = (label: string) => `${label}不能换行，请写在一行内`
const NOT_A_TOPIC = '所选宣讲主题不在可选列表中，请从列表中重新选择，或选择“不限，请推荐”'

describe('parseBooking: hostile input is refused with a message beside the field', () => {
  // [what, field, value, message the field must show]; every row is one input that must not be stored.
  const refused: [string, FieldName, unknown, string][] = [
    // Days that are not on the calendar.
    ['30 February', 'date1Start', '2027-02-30', '第一备选的开始日期不存在：2027年2月只有 28 天'],
    ['29 February, not a leap year', 'date1Start', '2027-02-29', '2027年2月只有 28 天'],
    ['29 February 2100 (century, not leap)', 'date1End', '2100-02-29', '2100年2月只有 28 天'],
    ['31 November', 'date1Start', '2026-11-31', '2026年11月只有 30 天'],
    ['31 April', 'date1End', '2027-04-31', '2027年4月只有 30 天'],
    ['31 June', 'date2Start', '2027-06-31', '第二备选的开始日期不存在：2027年6月只有 30 天'],
    ['31 September', 'date2End', '2027-09-31', '2027年9月只有 30 天'],
    ['32 January', 'date1Start', '2027-01-32', '2027年1月只有 31 天'],
    ['day 00', 'date1Start', '2027-01-00', '2027年1月只有 31 天'],
    ['month 00', 'date1Start', '2027-00-10', '月份应在 1 到 12 之间'],
    ['month 13', 'date1End', '2027-13-01', '月份应在 1 到 12 之间'],
    // Not YYYY-MM-DD.
    ['slashes', 'date1Start', '2027/03/01', '第一备选的开始日期格式不正确，请按“年-月-日”填写，例如 2026-11-24'],
    ['two-digit year', 'date1Start', '27-03-01', '格式不正确'],
    ['no leading zeros', 'date1Start', '2027-3-1', '格式不正确'],
    ['no separators', 'date1Start', '20270301', '格式不正确'],
    ['date and time', 'date1Start', '2027-03-01T08:00', '格式不正确'],
    ['full-width digits', 'date1Start', '２０２７-０３-０１', '格式不正确'],
    ['Arabic-Indic digits', 'date1Start', '٢٠٢٧-٠٣-٠١', '格式不正确'],
    ['a word', 'date1Start', 'tomorrow', '格式不正确'],
    ['a NUL inside a date', 'date1Start', '2027-03-01\u0000', '格式不正确'],
    ['a number instead of text', 'date1Start', 20270301, '请选择第一备选的开始日期'],
    // Out of range: before today (China time) or more than a year ahead.
    ['yesterday', 'date1Start', '2026-11-23', '第一备选的开始日期不能早于今天（2026年11月24日）'],
    ['the epoch', 'date1End', '1970-01-01', '不能早于今天'],
    ['year 0000', 'date1Start', '0000-01-01', '不能早于今天'],
    ['a year and a day ahead', 'date1End', '2027-11-25', '第一备选的结束日期请选在一年以内（不晚于2027年11月24日）'],
    ['decades ahead', 'date1Start', '2046-06-01', '请选在一年以内'],
    ['year 9999', 'date2Start', '9999-12-31', '请选在一年以内'],
    ['second range in the past', 'date2End', '2025-01-01', '第二备选的结束日期不能早于今天'],
    // Control characters (Cc): refused, named by field.
    ['NUL in the school name', 'school', '某小学\u0000', CONTROL('学校名称')],
    ['only NUL', 'school', '\u0000', CONTROL('学校名称')],
    ['SOH', 'school', 'a\u0001b', CONTROL('学校名称')],
    ['BEL', 'contactName', '王\u0007老师', CONTROL('联系人姓名')],
    ['backspace', 'contactName', '王老师\u0008\u0008', CONTROL('联系人姓名')],
    ['vertical tab', 'address', '某路\u000B1 号', CONTROL('学校地址')],
    ['form feed', 'address', '某路\u000C1 号', CONTROL('学校地址')],
    ['ESC (terminal escape)', 'address', '\u001B[31m某路 1 号', CONTROL('学校地址')],
    ['unit separator', 'school', 'a\u001Fb', CONTROL('学校名称')],
    ['DEL', 'school', 'a\u007Fb', CONTROL('学校名称')],
    ['C1: PAD', 'school', 'a\u0080b', CONTROL('学校名称')],
    ['C1: NEL', 'school', 'a\u0085b', CONTROL('学校名称')],
    ['C1: CSI', 'notes', '\u009B31m备注', CONTROL('备注')],
    ['C1: APC', 'notes', '备注\u009F', CONTROL('备注')],
    ['NUL in the notes', 'notes', '周五\u0000下午', CONTROL('备注')],
    ['NUL in the topic', 'topic', '劳动教育\u0000', CONTROL('宣讲主题')],
    ['unpaired high surrogate', 'school', 'a\uD800b', CONTROL('学校名称')],
    ['unpaired low surrogate', 'contactName', '\uDFFF王', CONTROL('联系人姓名')],
    ['NUL in the phone number', 'phone', '1380000\u00000001', '请填写 11 位大陆手机号码'],
    ['NUL in the email', 'email', 'a\u0000@example.com', '邮箱格式不正确'],
    // Line breaks only in the notes.
    ['LF in a one-line field', 'school', '某小学\n<b>', ONE_LINE('学校名称')],
    ['CR in a one-line field', 'school', 'a\rb', ONE_LINE('学校名称')],
    ['CRLF in a one-line field', 'contactName', '王\r\n老师', ONE_LINE('联系人姓名')],
    ['line separator', 'address', '某路\u20281 号', ONE_LINE('学校地址')],
    ['paragraph separator', 'address', '某路\u20291 号', ONE_LINE('学校地址')],
    ['LF in the topic', 'topic', '劳动\n教育', ONE_LINE('宣讲主题')],
    // Too long, counted after cleaning.
    ['school of 101 characters', 'school', '学'.repeat(101), '学校名称不能超过 100 个字'],
    ['contact of 51 characters', 'contactName', '王'.repeat(51), '联系人姓名不能超过 50 个字'],
    ['address of 201 characters', 'address', '路'.repeat(201), '学校地址不能超过 200 个字'],
    ['notes of 1,001 characters', 'notes', '备'.repeat(1001), '备注不能超过 1000 个字'],
    ['notes of 1,001 after CRLF became LF', 'notes', '\r\n'.repeat(2) + '备'.repeat(1001), '备注不能超过 1000 个字'],
    ['email of 101 characters', 'email', `${'a'.repeat(89)}@example.com`, '邮箱不能超过 100 个字符'],
    // Nothing left once invisible characters are gone.
    ['only zero-width spaces', 'school', '\u200B\u200B\u200B', '请填写学校名称'],
    ['only bidi controls', 'address', '\u202E\u2066\u2069\u202C', '请填写学校地址'],
    // Markup hidden behind an invisible character.
    ['markup split by a zero-width space', 'notes', '<\u200Bscript>alert(1)</script>', '网页代码'],
    // Topics not on the list.
    ['a topic no worker offers', 'topic', '如何发财', NOT_A_TOPIC],
    ['a script as topic', 'topic', '<script>alert(1)</script>', NOT_A_TOPIC],
    ['a topic that is almost on the list', 'topic', '劳动教育。', NOT_A_TOPIC],
    ['a very long topic', 'topic', '劳动教育'.repeat(100), NOT_A_TOPIC],
    // Grade bands not on the list.
    ['a grade band that does not exist', 'gradeBand', 'kindergarten', '所选学段不在可选范围内，请从列表中选择'],
    ['a grade band in capitals', 'gradeBand', 'Primary', '所选学段不在可选范围内'],
    ['a grade band with a space', 'gradeBand', ' primary', '所选学段不在可选范围内'],
    ['a grade band with NUL', 'gradeBand', 'primary\u0000', '所选学段不在可选范围内'],
    ['the title instead of the value', 'gradeBand', '小学', '所选学段不在可选范围内'],
    ['a grade band as a number', 'gradeBand', 3, '所选学段不在可选范围内'],
    ['no grade band', 'gradeBand', undefined, '请选择学段'],
    ['a prefecture outside Gansu', 'prefecture', '西宁市', '所选市州不在甘肃省的市州之中，请从列表中选择'],
  ]

  it('has enough cases to mean something', () => expect(refused.length).toBeGreaterThanOrEqual(60))

  it.each(refused)('%s: %s = %j', (_what, field, value, message) => {
    const result = parseBooking({ ...good, [field]: value } as FormValues, options)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors[field]).toContain(message)
    // Only the field that was spoiled is marked (and, for a date, perhaps its range partner).
    expect(Object.keys(result.errors).filter((k) => k !== field && !k.startsWith('date'))).toEqual([])
  })
})

describe('parseBooking: invisible characters are removed and text normalised', () => {
  // [what, field, value, value stored]
  const cleaned: [string, FieldName, string, string][] = [
    ['zero-width space', 'school', '兰州\u200B市某小学', '兰州市某小学'],
    ['zero-width non-joiner', 'school', '兰州\u200C市某小学', '兰州市某小学'],
    ['zero-width joiner', 'school', '兰州\u200D市某小学', '兰州市某小学'],
    ['word joiner', 'school', '兰州\u2060市某小学', '兰州市某小学'],
    ['BOM at the start', 'school', '\uFEFF兰州市某小学', '兰州市某小学'],
    ['soft hyphen', 'school', '兰州\u00AD市某小学', '兰州市某小学'],
    ['Mongolian vowel separator', 'school', '兰州\u180E市某小学', '兰州市某小学'],
    ['left-to-right mark', 'contactName', '\u200E王老师', '王老师'],
    ['right-to-left mark', 'contactName', '王老师\u200F', '王老师'],
    ['Arabic letter mark', 'contactName', '王\u061C老师', '王老师'],
    ['LRE', 'address', '\u202A城关区某路 1 号', '城关区某路 1 号'],
    ['RLE', 'address', '\u202B城关区某路 1 号', '城关区某路 1 号'],
    ['PDF', 'address', '城关区某路 1 号\u202C', '城关区某路 1 号'],
    ['LRO', 'address', '\u202D城关区某路 1 号', '城关区某路 1 号'],
    ['RLO (reversed display)', 'school', '某小学\u202Egnp.exe', '某小学gnp.exe'],
    ['LRI', 'notes', '\u2066周五下午', '周五下午'],
    ['RLI', 'notes', '\u2067周五下午', '周五下午'],
    ['FSI', 'notes', '\u2068周五下午', '周五下午'],
    ['PDI', 'notes', '周五下午\u2069', '周五下午'],
    ['deprecated format character', 'notes', '周五\u206A下午', '周五下午'],
    ['invisible tag characters', 'notes', '周五下午\u{E0049}\u{E0047}\u{E004E}', '周五下午'],
    ['phone wrapped in bidi marks, as contact apps copy it', 'phone', '\u202D138 0000 0001\u202C', '13800000001'],
    ['email with a zero-width space', 'email', 'li\u200B@example.org', 'li@example.org'],
    ['date with a bidi mark', 'date1Start', '\u200E2026-12-01', '2026-12-01'],
    ['decomposed accent (NFD → NFC)', 'school', 'Cafe\u0301 小学', 'Café 小学'],
    ['decomposed Hangul', 'contactName', '\u1100\u1161老师', '가老师'],
    ['tab becomes a space', 'address', '城关区\t某路 1 号', '城关区 某路 1 号'],
    ['ideographic spaces at the ends', 'school', '\u3000兰州市某小学\u3000', '兰州市某小学'],
    ['notes keep their lines (CRLF)', 'notes', '周五下午\r\n或周三上午', '周五下午\n或周三上午'],
    ['notes keep their lines (CR)', 'notes', '周五下午\r或周三上午', '周五下午\n或周三上午'],
    ['notes keep their lines (U+2028)', 'notes', '周五下午\u2028或周三上午', '周五下午\n或周三上午'],
    ['long only because of zero-width spaces', 'school', `某小学${'\u200B'.repeat(500)}`, '某小学'],
    ['a topic from the list, with spaces', 'topic', ' 工匠精神 ', '工匠精神'],
    ['a topic from the list, split by a zero-width space', 'topic', '安全\u200B生产', '安全生产'],
  ]

  it.each(cleaned)('%s: %s', (_what, field, value, stored) => {
    const result = parseBooking({ ...good, [field]: value }, options)
    expect(result.ok && storedValue(result.request, field)).toBe(stored)
  })
})

describe('parseBooking: accepted edges', () => {
  it.each([
    ['today', { date1Start: '2026-11-24', date1End: '2026-11-24' }],
    ['the last day of the year ahead', { date1Start: '2027-11-24', date1End: '2027-11-24' }],
    ['a one-day range', { date1Start: '2027-02-28', date1End: '2027-02-28' }],
    ['a second range', { date2Start: '2027-03-01', date2End: '2027-03-31' }],
    ['no topic', { topic: '' }],
    ['every grade band', { gradeBand: 'university' }],
    ['school of exactly 100 characters', { school: '学'.repeat(100) }],
    ['notes of exactly 1,000 characters', { notes: '备'.repeat(1000) }],
    ['Chinese book-title marks are not markup', { notes: '请结合《大国工匠》讲述' }],
    ['a comparison is not markup', { notes: '人数 < 500 也可以' }],
  ] as const)('%s', (_what, change) => {
    const result = parseBooking({ ...good, ...change }, options)
    expect(result.ok ? 'ok' : result.errors).toBe('ok')
  })

  it('accepts 29 February in a leap year', () => {
    const leap = { ...options, today: '2027-12-01' }
    const result = parseBooking({ ...good, date1Start: '2028-02-29', date1End: '2028-02-29' }, leap)
    expect(result.ok && result.request.preferredDates[0]).toEqual({ start: '2028-02-29', end: '2028-02-29' })
  })

  it('takes any short topic when no list is given, and still cleans it', () => {
    const { topics: _, ...noList } = options
    const r1 = parseBooking({ ...good, topic: '如何\u200B发财' }, noList)
    expect(r1.ok && r1.request.topic).toBe('如何发财')
    const r2 = parseBooking({ ...good, topic: '题'.repeat(51) }, noList)
    expect(!r2.ok && r2.errors.topic).toBe('宣讲主题不能超过 50 个字')
  })

  it('compares topics as they are stored, whatever the list entry looks like', () => {
    const result = parseBooking({ ...good, topic: '工匠精神' }, { ...options, topics: ['\u200B工匠精神 '] })
    expect(result.ok && result.request.topic).toBe('工匠精神')
    expect(parseBooking({ ...good, topic: '工匠精神' }, { ...options, topics: [] }).ok).toBe(false)
  })
})

describe('parseBooking: every problem at once', () => {
  it('reports reversed ranges together with field errors, in one round', () => {
    const result = parseBooking(
      {
        ...good,
        school: '某小学\u0000',
        phone: '12345',
        topic: '如何发财',
        date1Start: '2027-02-30',
        date2Start: '2027-03-10',
        date2End: '2027-03-01',
        gradeBand: 'kindergarten',
        notes: 'x'.repeat(1001),
      },
      options,
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toEqual({
      school: CONTROL('学校名称'),
      phone: '请填写 11 位大陆手机号码，例如 13800000000',
      topic: NOT_A_TOPIC,
      date1Start: '第一备选的开始日期不存在：2027年2月只有 28 天',
      date2End: '结束日期不能早于开始日期',
      gradeBand: '所选学段不在可选范围内，请从列表中选择',
      notes: '备注不能超过 1000 个字',
    })
  })

  it('reports a reversed first range while the phone number is still wrong', () => {
    const result = parseBooking({ ...good, phone: 'x', date1Start: '2026-12-10', date1End: '2026-12-01' }, options)
    expect(!result.ok && result.errors).toEqual({
      phone: '请填写 11 位大陆手机号码，例如 13800000000',
      date1End: '结束日期不能早于开始日期',
    })
  })

  it('asks for the other half of the second range even when other fields are missing', () => {
    const result = parseBooking({ date2Start: '2027-01-05' }, options)
    expect(!result.ok && result.errors.date2End).toBe('请选择第二备选的结束日期')
    expect(!result.ok && result.errors.school).toBe('请填写学校名称')
  })

  it('gives a date its own message, not the range’s, when both are wrong', () => {
    const result = parseBooking({ ...good, date1Start: '2026-12-10', date1End: '2026-11-01' }, options)
    expect(!result.ok && result.errors.date1End).toContain('不能早于今天')
  })

  it('does not throw on input that is not an object', () => {
    expect(parseBooking(null as unknown as FormValues, options).ok).toBe(false)
    expect(parseBooking('x' as unknown as FormValues, options).ok).toBe(false)
  })
})

describe('calendar helpers', () => {
  it.each([
    ['2028-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2100-02-29', false],
    ['2027-12-31', true],
    ['2027-02-30', false],
    ['2027-1-01', false],
  ] as const)('isCalendarDate(%s) = %s', (day, expected) => expect(isCalendarDate(day)).toBe(expected))

  it('bounds dates from today to the same day a year on (29 February → 28 February)', () => {
    expect(dateBounds('2026-11-24')).toEqual({ min: '2026-11-24', max: '2027-11-24' })
    expect(dateBounds('2028-02-29')).toEqual({ min: '2028-02-29', max: '2029-02-28' })
    expect(dateBounds('2027-12-31')).toEqual({ min: '2027-12-31', max: '2028-12-31' })
  })

  it('cleanText is what the schema stores', () => {
    expect(cleanText(' \u202E工匠\u200B精神\t')).toBe('工匠精神')
  })
})

describe('valuesFromParams', () => {
  it('reads known fields, keeps the first of repeated ones and lists the workers', () => {
    const values = valuesFromParams(new URLSearchParams('school=A&school=B&workers=w1&workers=w2&evil=1&consent=yes'))
    expect(values).toEqual({ school: 'A', workers: ['w1', 'w2'], consent: 'yes' })
  })
})
