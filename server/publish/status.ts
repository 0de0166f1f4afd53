/**
 * What the publish service says about itself, kept in `<root>/status.json` (written whole and renamed, so a
 * reader never sees half of it) so that it survives a restart: the live release, the build in progress,
 * the last builds with their result, the deliveries accepted but not yet built (an accepted delivery is
 * never lost to a restart), and the delivery keys already seen (a replayed delivery is acknowledged
 * without a second build, even after a restart).
 */
import { readFileSync } from 'node:fs'
import { rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { BuildSummary } from '#domain/publishStatus'
import type { Delivery } from './delivery.ts'

/** One build, as the Studio's 发布状态 tool reads it (one definition for both). */
export type BuildRecord = BuildSummary

export interface PublishStatus {
  current: string | null
  /** Accepted deliveries no finished build has covered yet: queued again after a restart. */
  pending: { key: string; delivery: Delivery }[]
  builds: BuildRecord[]
  seenKeys: string[]
}

const KEEP_BUILDS = 30
const KEEP_KEYS = 2_000

export interface StatusStore {
  read(): PublishStatus
  update(change: (status: PublishStatus) => void): Promise<void>
}

export function openStatus(root: string): StatusStore {
  const file = path.join(root, 'status.json')
  let status: PublishStatus = { current: null, pending: [], builds: [], seenKeys: [] }
  try {
    status = { ...status, ...(JSON.parse(readFileSync(file, 'utf8')) as PublishStatus) }
  } catch {
    // First start, or a status file that was not whole: start a fresh one.
  }
  // A build recorded as running when the service starts did not finish (the service was stopped or killed).
  for (const build of status.builds) {
    if (build.result === 'building')
      Object.assign(build, { result: 'failed', reason: '构建被中断（发布服务已停止）。' })
    // Its pages are live with the index before them; the next publish builds the index again.
    if (build.searchIndex === 'pending')
      Object.assign(build, { searchIndex: 'failed', searchIndexReason: '搜索索引构建被中断（发布服务已停止）。' })
  }

  let writing = Promise.resolve()
  return {
    read: () => structuredClone(status),
    update(change) {
      change(status)
      status.builds = status.builds.slice(0, KEEP_BUILDS)
      status.seenKeys = status.seenKeys.slice(-KEEP_KEYS)
      const text = JSON.stringify(status, null, 2)
      writing = writing.then(async () => {
        await writeFile(`${file}.tmp`, text)
        await rename(`${file}.tmp`, file)
      })
      return writing
    },
  }
}
