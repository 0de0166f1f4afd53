import { describe, expect, it } from 'vitest'
import { parseBooking, valuesFromParams, type FormValues } from './form'

const options = { workerIds: ['worker-a', 'worker-b'], today: '2026-11-24' }
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
    ['gradeBand', 'kindergarten', '请选择学段'],
    ['prefecture', '西安市', '请选择学校所在市州'],
    ['consent', '', '请勾选同意'],
    ['date1Start', '2026-11-01', '不能早于今天'],
    ['date1Start', '2026-13-45', '格式不正确'],
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

describe('valuesFromParams', () => {
  it('reads known fields, keeps the first of repeated ones and lists the workers', () => {
    const values = valuesFromParams(new URLSearchParams('school=A&school=B&workers=w1&workers=w2&evil=1&consent=yes'))
    expect(values).toEqual({ school: 'A', workers: ['w1', 'w2'], consent: 'yes' })
  })
})
