/**
 * What the Studio's 发布状态 tool says, from the publish service's GET /status (server/publish/service.ts):
 * plain data to Chinese lines, kept apart from the React view so it is tested without a browser.
 */
export interface BuildSummary {
  release: string
  startedAt: string
  finishedAt?: string
  result: 'building' | 'live' | 'failed'
  reason?: string
  warnings: string[]
  documents: string[]
  afterSwitchError?: string
  /** The release's search index: built after the switch ('pending' until then), so search may lag its pages. */
  searchIndex?: 'pending' | 'current' | 'failed'
  searchIndexReason?: string
}

export interface StatusReply {
  current: string | null
  pending: number
  building: number
  waiting: number
  builds: BuildSummary[]
}

export const RESULT_LABELS: Record<BuildSummary['result'], string> = {
  building: '构建中',
  live: '已上线',
  failed: '失败',
}

const CHINA = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
})

/** "12月3日 14:05:09", China time. */
export const formatInstant = (iso: string) => CHINA.format(new Date(iso)).replace(/(\d+)\/(\d+)/, '$1月$2日')

/** How long a build took, in seconds, or null while it runs. */
export const buildSeconds = (b: BuildSummary) =>
  b.finishedAt ? Math.round((Date.parse(b.finishedAt) - Date.parse(b.startedAt)) / 100) / 10 : null

/** The one-line headline: what readers see now and what is on its way. */
export function headline(status: StatusReply): string {
  const live = status.builds.find((b) => b.release === status.current)
  const now = status.current
    ? `网站当前版本：${status.current}${live?.finishedAt ? `（${formatInstant(live.finishedAt)} 上线）` : ''}`
    : '网站还没有上线的版本'
  const queued = status.building + status.waiting
  return queued > 0 ? `${now}。正在构建，待处理 ${status.pending} 项更新。` : `${now}。没有待处理的更新。`
}

/** The newest finished build's warnings: what editors should mend. */
export function lastWarnings(status: StatusReply): string[] {
  return status.builds.find((b) => b.result !== 'building')?.warnings ?? []
}

/** Checks a reply is the service's status, so a wrong URL says so instead of drawing nonsense. */
export function isStatusReply(value: unknown): value is StatusReply {
  const v = value as StatusReply
  return !!v && typeof v === 'object' && Array.isArray(v.builds) && typeof v.building === 'number'
}
