/**
 * One publish, start to finish: build into the fixed build folder, check it, move it into a new release
 * folder, switch the site to it, keep the last few releases, run the configured after-switch command.
 * Anything that fails leaves `current` where it was, and the status says why.
 */
import { spawn } from 'node:child_process'
import type { BuildResult } from './build.ts'
import { gonePaths, type Queued } from './delivery.ts'
import { checkRelease } from './health.ts'
import type { Releases } from './releases.ts'
import type { BuildRecord, StatusStore } from './status.ts'

export interface PublisherOptions {
  releases: Releases
  status: StatusStore
  /** Builds the site into a folder (always `releases.buildDir`). */
  build: (outDir: string) => Promise<BuildResult>
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
  const { releases, status, build, keep, afterSwitch, log = console.log } = options

  return async function publish(batch: Queued[]): Promise<void> {
    const { id, dir } = releases.create()
    const startedAt = new Date().toISOString()
    const deliveries = batch.map((q) => q.delivery)
    const keys = new Set(batch.map((q) => q.key))
    const documents = [...new Set(deliveries.map((d) => d._id))]
    await status.update((s) => {
      s.builds.unshift({ release: id, startedAt, result: 'building', warnings: [], documents })
    })
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
    const health = checkRelease(releases.buildDir, live ? releases.dirOf(live) : null, gonePaths(deliveries))
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
    })
    releases.switchTo(id)
    const outputs = result.outputs
      ? `, ${result.outputs.rendered} outputs rendered, ${result.outputs.restored} restored`
      : ''
    log(`publish ${id}: live (${health.pages} pages${outputs}, ${result.warnings.length} warning(s))`)
    const afterSwitchError = afterSwitch ? await runCommand(afterSwitch, dir) : null
    if (afterSwitchError) log(`publish ${id}: after-switch command failed: ${afterSwitchError}`)
    await finish({ result: 'live', warnings: result.warnings, ...(afterSwitchError ? { afterSwitchError } : {}) })
    releases.prune(keep)
  }
}
