/** The Studio's side of a 结对: its preview subtitle and today's date for its rules (domain/pairing.ts). */
import { pairingPhase } from '#domain/pairing'
import { beijingDate } from './templates'

export const beijingToday = () => beijingDate(new Date().toISOString())!

/** Preview subtitle: since–until · prefecture county · what editors must know (ended, not public). */
export function pairingSubtitle(
  p: { since?: string; until?: string; prefecture?: string; county?: string; showOnSite?: boolean },
  today: string = beijingToday(),
) {
  const period = p.since ? `${p.since} 起${p.until ? ` 至 ${p.until}` : ''}` : '未填写开始日期'
  return [
    period,
    [p.prefecture, p.county].filter(Boolean).join(''),
    pairingPhase(p, today) === 'ended' ? '已结束' : '',
    p.showOnSite ? '' : '不在网站显示',
  ]
    .filter(Boolean)
    .join(' · ')
}
