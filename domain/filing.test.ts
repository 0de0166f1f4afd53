import { describe, expect, it } from 'vitest'
import { icpProblem, isIcpNumber, isSiteCode, psbDigits, psbProblem, psbUrl, siteCodeProblem } from './filing.ts'
import { correctionMailto } from './paths.ts'

const PROVINCES = [...'京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川贵云陕甘青蒙桂藏宁新陇黔滇']
const digits = (n: number, seed: number) =>
  Array.from({ length: n }, (_, i) => String((seed * 7 + i * 13) % 10)).join('')

describe('filing numbers', () => {
  it('accepts ICP numbers of every province, with and without the site suffix', () => {
    PROVINCES.forEach((p, i) => {
      const base = `${p}ICP备${digits(8, i)}号`
      expect(isIcpNumber(base), base).toBe(true)
      expect(isIcpNumber(`${base}-${(i % 12) + 1}`)).toBe(true)
      expect(icpProblem(base)).toBeUndefined()
    })
  })

  it('names what is wrong with a malformed ICP number, and leaves an empty one alone', () => {
    for (const bad of ['陇ICP备号', 'ICP备12345678号', '陇ICP证12345678号', '陇ICP备12345678', '陇ICP备12345678号-x'])
      expect(icpProblem(bad), bad).toMatch(/ICP备/)
    expect(icpProblem('')).toBeUndefined()
    expect(icpProblem(undefined)).toBeUndefined()
  })

  it('takes the 14 digits of a 公安备案号 into its link, however it is spaced', () => {
    for (let i = 0; i < 20; i++) {
      const code = digits(14, i)
      const p = PROVINCES[i % PROVINCES.length]
      for (const typed of [`${p}公网安备${code}号`, `${p}公网安备 ${code}号`, ` ${p}公网安备  ${code}号 `]) {
        expect(psbDigits(typed)).toBe(code)
        expect(psbProblem(typed)).toBeUndefined()
        expect(psbUrl(typed)).toBe(`https://beian.mps.gov.cn/#/query/webSearch?code=${code}`)
      }
    }
  })

  it('warns about a 公安备案号 without 14 digits, and links it to the search page', () => {
    for (const bad of ['甘公网安备 1234号', '甘公网安备 123456789012345号', '公安备案']) {
      expect(psbProblem(bad), bad).toMatch(/14 位数字/)
      expect(psbUrl(bad)).toBe('https://beian.mps.gov.cn/#/query/webSearch')
    }
  })

  it('checks a 网站标识码 is 10 letters or digits', () => {
    expect(isSiteCode('6200000001')).toBe(true)
    expect(isSiteCode('BM01000001')).toBe(true)
    for (const bad of ['620000000', '62000000011', '62000-0001', '六二〇〇〇〇〇〇〇一'])
      expect(siteCodeProblem(bad), bad).toMatch(/10 位/)
    expect(siteCodeProblem('')).toBeUndefined()
  })
})

describe('correctionMailto', () => {
  const titles = ['闫桂珍', '报告会：安全生产 & 质量 ? #1', '100% 的+号 与 空格', '“引号”/斜杠\\反斜杠', 'a=b&c=d']

  it('round-trips any page title and URL through the subject and body', () => {
    for (const [i, title] of titles.entries()) {
      const url = `https://laomo.example.org/workers/${encodeURIComponent(`张${i} 伟`)}/?q=a&b=${i}`
      const mailto = correctionMailto(`jiucuo${i}@example.org`, title, url)
      const parsed = new URL(mailto)
      expect(parsed.protocol).toBe('mailto:')
      expect(parsed.pathname).toBe(`jiucuo${i}@example.org`)
      // Encoded by encodeURIComponent: no raw space, "+", "&" or "#" inside a value.
      expect(mailto.split('?')[1]).toMatch(/^subject=[^ +&#]*&body=[^ +&#]*$/)
      const params = new URLSearchParams(parsed.search)
      expect(params.get('subject')).toBe(`纠错：${title}`)
      expect(params.get('body')).toContain(`页面地址：${url}\r\n`)
    }
  })
})
