import { describe, expect, it } from 'vitest'
import {
  buildSeconds,
  formatInstant,
  headline,
  isStatusReply,
  lastWarnings,
  type StatusReply,
} from './publishStatus.ts'

const reply = (over: Partial<StatusReply> = {}): StatusReply => ({
  current: 'r2',
  pending: 0,
  building: 0,
  waiting: 0,
  builds: [
    {
      release: 'r3',
      startedAt: '2026-12-03T06:00:00Z',
      finishedAt: '2026-12-03T06:00:41.5Z',
      result: 'failed',
      reason: '页面缺失：/talks/t-1/',
      warnings: ['talk t-1: field "title" is missing'],
      documents: ['t-1'],
    },
    {
      release: 'r2',
      startedAt: '2026-12-03T05:00:00Z',
      finishedAt: '2026-12-03T05:00:30Z',
      result: 'live',
      warnings: [],
      documents: ['w-1'],
    },
  ],
  ...over,
})

describe('publish status for editors', () => {
  it('says which version is live, in China time, and whether anything waits', () => {
    expect(headline(reply())).toBe('网站当前版本：r2（12月3日 13:00:30 上线）。没有待处理的更新。')
    expect(headline(reply({ building: 1, waiting: 1, pending: 4 }))).toBe(
      '网站当前版本：r2（12月3日 13:00:30 上线）。正在构建，待处理 4 项更新。',
    )
    expect(headline(reply({ current: null, builds: [] }))).toBe('网站还没有上线的版本。没有待处理的更新。')
  })

  it('shows the newest finished build’s warnings and each build’s duration', () => {
    expect(lastWarnings(reply())).toEqual(['talk t-1: field "title" is missing'])
    expect(buildSeconds(reply().builds[0]!)).toBe(41.5)
    expect(buildSeconds({ ...reply().builds[0]!, finishedAt: undefined })).toBeNull()
    expect(formatInstant('2026-12-31T16:30:00Z')).toBe('1月1日 00:30:00')
  })

  it('recognises the service’s reply and nothing else', () => {
    expect(isStatusReply(reply())).toBe(true)
    expect(isStatusReply({ error: 'not found' })).toBe(false)
    expect(isStatusReply(null)).toBe(false)
  })
})
