/** Display formats. All times are shown in China Standard Time, whatever the build machine's zone. */

export const TIME_ZONE = 'Asia/Shanghai'

const dateFmt = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
})
const dateTimeFmt = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})
const monthFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: TIME_ZONE, year: 'numeric', month: 'long' })
const numberFmt = new Intl.NumberFormat('zh-CN')

export const formatDate = (iso: string) => dateFmt.format(new Date(iso))
export const formatDateTime = (iso: string) => dateTimeFmt.format(new Date(iso))
export const formatMonth = (iso: string) => monthFmt.format(new Date(iso))
export const formatNumber = (n: number) => numberFmt.format(n)

const dayPartsFmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** "2026-11-25": the calendar day in China time, whatever the machine's zone ("today" checks, reference numbers). */
export function chinaDate(date: Date | string = new Date()): string {
  const parts = dayPartsFmt.formatToParts(new Date(date))
  const get = (type: string) => parts.find((p) => p.type === type)?.value
  return `${get('year')}-${get('month')}-${get('day')}`
}

/** "2027-03" in China time: the key for grouping talks by month. */
export function monthKey(iso: string): string {
  return chinaDate(iso).slice(0, 7)
}
