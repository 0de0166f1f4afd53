/**
 * One publish, start to finish: build into the fixed build folder, check it, move it into a new release
 * folder, switch the site to it, keep the last few releases, run the configured after-switch command; then
 * build the search index into the live release (until then it serves the previous release's, and the status
 * says the index is pending). Anything that fails leaves `current` where it was, and the status says why.
 */
import { spawn } from 'node:child_process'
import { carrySearchIndex, type BuildResult, type IndexResult } from './build.ts'
import { gonePaths, type Queued } from './delivery.ts'
import { checkRelease } from './health.ts'
import type { Releases } from './releases.ts'
import type { BuildRecord, StatusStore } from './status.ts'

export interface PublisherOptions {
  releases: Releases
  status: StatusStore
  /** Builds the site into a folder (always `releases.buildDir`). */
  build: (outDir: string) => Promise<BuildResult>
  /**
   * Builds the search index into a release folder. Given, `build` builds the pages only: a new release goes
   * live with the live release's index, and its own is built into it right after the switch.
   */
  index?: (releaseDir: string) => Promise<IndexResult>
  /** Sealed releases kept besides the live one (for rollback). */
  keep: number
  /** A shell command run after each switch (e.g. a sync to object storage), with LAOMO_RELEASE_DIR set. */
  afterSwitch?: string
  log?: (line: string) => void
}

function runCommand(command: string, releaseDir: string): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawn(command, {
      shell: true,
      env: { ...process.env, LAOMO_RELEASE_DIR: releaseDir },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString('utf8')).slice(-2_000)))
    child.on('error', (error) => resolve(String(error)))
    child.on('close', (code) => resolve(code === 0 ? null : `退出码 ${code}：${stderr.trim() || '（无输出）'}`))
  })
}

export function createPublisher(options: PublisherOptions) {
  const { releases, status, build, index, keep, afterSwitch, log = console.log } = options
  /** The pages of the release this publisher last switched to, as its check found them. */
  let checked: { id: string; pages: ReadonlySet<string> } | undefined

  return async function publish(batch: Queued[]): Promise<void> {
    const { id, dir } = releases.create()
    const startedAt = new Date().toISOString()
    const deliveries = batch.map((q) => q.delivery)
    const keys = new Set(batch.map((q) => q.key))
    const documents = [...new Set(deliveries.map((d) => d._id))]
    await status.update((s) => {
      s.builds.unshift({ release: id, startedAt, result: 'building', warnings: [], documents })
    })
    const record = (change: Partial<BuildRecord>) =>
      status.update((s) => void Object.assign(s.builds.find((b) => b.release === id) ?? {}, change))
    const finish = (change: Partial<BuildRecord>) =>
      status.update((s) => {
        const record = s.builds.find((b) => b.release === id)
        if (record) Object.assign(record, { finishedAt: new Date().toISOString(), ...change })
        // Built (or failed for a reason a rebuild would not mend): no longer waiting for a build.
        s.pending = s.pending.filter((p) => !keys.has(p.key))
        s.current = releases.current()
      })

    log(`publish ${id}: building for ${documents.length} document(s)`)
    releases.clearBuild()
    const result = await build(releases.buildDir)
    if (!result.ok) {
      log(`publish ${id}: build failed — the live site is unchanged\n${result.reason}`)
      await finish({ result: 'failed', reason: result.reason, warnings: result.warnings })
      releases.prune(keep)
      return
    }
    const live = releases.current()
    // The index follows the switch when the live release has one to serve meanwhile; the first one is built before.
    const indexFollows = !!index && !!live && carrySearchIndex(releases.dirOf(live), releases.buildDir)
    const indexed: IndexResult = index && !indexFollows ? await index(releases.buildDir) : { ok: true, log: '' }
    if (!indexed.ok) {
      log(`publish ${id}: search index failed — the live site is unchanged\n${indexed.reason}`)
      await finish({ result: 'failed', reason: indexed.reason, warnings: result.warnings })
      releases.prune(keep)
      return
    }
    // A fast publish's change set is against the live release: then neither tree is walked.
    const changes = result.changes?.base === live ? result.changes : undefined
    const health = await checkRelease(
      releases.buildDir,
      live ? releases.dirOf(live) : null,
      gonePaths(deliveries),
      checked?.id === live ? checked.pages : undefined,
      changes,
    )
    if (!health.ok) {
      const reason = `新版本未通过检查，网站保持原样：\n${health.problems.join('\n')}`
      log(`publish ${id}: ${reason}`)
      await finish({ result: 'failed', reason, warnings: result.warnings })
      releases.prune(keep)
      return
    }
    releases.adopt(id)
    await releases.seal({
      id,
      startedAt,
      finishedAt: new Date().toISOString(),
      documents,
      pages: health.pages,
      warnings: result.warnings,
      ...(changes ? { changes } : {}),
    })
    releases.switchTo(id)
    checked = { id, pages: health.paths }
    const outputs = result.outputs
      ? `, ${result.outputs.rendered} outputs rendered, ${result.outputs.restored} restored`
      : ''
    log(`publish ${id}: live (${health.pages} pages${outputs}, ${result.warnings.length} warning(s))`)
    const synced = async () => {
      const afterSwitchError = afterSwitch ? await runCommand(afterSwitch, dir) : null
      if (afterSwitchError) log(`publish ${id}: after-switch command failed: ${afterSwitchError}`)
      return afterSwitchError ? { afterSwitchError } : {}
    }
    await finish({
      result: 'live',
      warnings: result.warnings,
      searchIndex: indexFollows ? 'pending' : 'current',
      ...(await synced()),
    })
    if (indexFollows && index) {
      // Into the live release: its pages are current already; search finds them once this is done.
      const started = Date.now()
      const built = await index(dir)
      log(
        `publish ${id}: search index ${built.ok ? 'current' : `failed\n${built.reason}`} (${Date.now() - started} ms)`,
      )
      await record(built.ok ? { searchIndex: 'current' } : { searchIndex: 'failed', searchIndexReason: built.reason })
      // The after-switch command mirrors the release again, now with its index.
      if (built.ok && afterSwitch) await record(await synced())
    }
    releases.prune(keep)
  }
}
