/**
 * The filing numbers a Chinese public site shows in its footer (ICP 备案号, 公安联网备案号, 网站标识码):
 * their formats, as the Studio validates them and the site links them. Numbers are shown exactly as the
 * editors typed them; only the links are derived.
 */

/** Where anyone checks an ICP filing (工信部 ICP/IP 地址/域名信息备案管理系统). */
export const MIIT_BEIAN_URL = 'https://beian.miit.gov.cn/'

/** An ICP filing number: a province's one-character abbreviation, ICP备, 8 digits (older ones 6–10), 号, optional -site. */
const ICP = /^[\u4e00-\u9fa5]ICP备\d{6,10}号(-\d{1,3})?$/
/** A 公安联网备案号: a province's abbreviation, 公网安备, 14 digits, 号 (a space before the digits is common). */
const PSB = /^[\u4e00-\u9fa5]公网安备\s*(\d{14})号$/
/** 网站标识码 (政府网站发展指引): 10 letters or digits. */
const SITE_CODE = /^[A-Za-z0-9]{10}$/

export const isIcpNumber = (value: string) => ICP.test(value.trim())
export const isSiteCode = (value: string) => SITE_CODE.test(value.trim())

/** The 14 digits of a 公安备案号 as typed (any spacing), or undefined when it holds no such number. */
export function psbDigits(value: string): string | undefined {
  return PSB.exec(value.trim())?.[1] ?? /(?<!\d)(\d{14})(?!\d)/.exec(value)?.[1]
}

/** The national 互联网安全管理服务平台's page for one filing, or the search page when the digits are unreadable. */
export function psbUrl(value: string): string {
  const digits = psbDigits(value)
  return `https://beian.mps.gov.cn/#/query/webSearch${digits ? `?code=${digits}` : ''}`
}

/** Chinese messages the Studio shows beside each field (undefined: the value is fine, or empty). */
export const FILING_MESSAGES = {
  icp: '格式应为“陇ICP备12345678号”或“陇ICP备12345678号-1”（省份简称 + ICP备 + 数字 + 号），请与工信部备案系统中的写法核对',
  psb: '格式应为“甘公网安备 62010202000123号”（省份简称 + 公网安备 + 14 位数字 + 号），请与公安备案证书核对',
  siteCode: '网站标识码应为 10 位字母或数字，如“6200000001”，请按政府网站标识码的原样填写',
} as const

export function icpProblem(value: string | undefined): string | undefined {
  return value?.trim() && !isIcpNumber(value) ? FILING_MESSAGES.icp : undefined
}
export function psbProblem(value: string | undefined): string | undefined {
  return value?.trim() && !PSB.test(value.trim()) ? FILING_MESSAGES.psb : undefined
}
export function siteCodeProblem(value: string | undefined): string | undefined {
  return value?.trim() && !isSiteCode(value) ? FILING_MESSAGES.siteCode : undefined
}
