/**
 * Runs a command and measures its wall time and peak memory. Memory is sampled from /proc for
 * the whole process tree (Astro may fork workers), so no `/usr/bin/time` is needed; each
 * process's own high-water mark (VmHWM) catches peaks shorter than the sampling interval.
 */
import { spawn } from 'node:child_process'
import { createWriteStream, readdirSync, readFileSync } from 'node:fs'

export interface Measured {
  ms: number
  /** Peak resident memory in bytes: the larger of the tree's summed RSS and any one process's VmHWM. */
  peakRss: number
  code: number | null
  /** Last lines of output, for error messages. */
  tail: string
  /** All of stdout and stderr. */
  output: string
}

function statusField(pid: number, field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) * 1024 : 0
  } catch {
    return 0 // the process ended between listing and reading
  }
}

function descendants(root: number): number[] {
  const children = new Map<number, number[]>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      // Field 4 of /proc/<pid>/stat, after the parenthesised command name, is the parent pid.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)])
    } catch {
      // gone already
    }
  }
  const all = [root]
  for (let i = 0; i < all.length; i++) all.push(...(children.get(all[i]!) ?? []))
  return all
}

export function measure(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; logFile?: string; intervalMs?: number } = {},
): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] })
    const log = options.logFile ? createWriteStream(options.logFile) : null
    const chunks: Buffer[] = []
    const keep = (chunk: Buffer) => {
      log?.write(chunk)
      chunks.push(chunk)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    let peakRss = 0
    const hwm = new Map<number, number>()
    const sample = () => {
      if (child.pid === undefined) return
      let sum = 0
      for (const pid of descendants(child.pid)) {
        sum += statusField(pid, 'VmRSS')
        hwm.set(pid, Math.max(hwm.get(pid) ?? 0, statusField(pid, 'VmHWM')))
      }
      peakRss = Math.max(peakRss, sum, ...hwm.values())
    }
    const timer = setInterval(sample, options.intervalMs ?? 100)
    child.on('error', (error) => {
      clearInterval(timer)
      reject(error)
    })
    child.on('close', (code) => {
      clearInterval(timer)
      const ms = performance.now() - started
      log?.end()
      const output = Buffer.concat(chunks).toString()
      resolve({ ms, peakRss, code, tail: output.slice(-4000), output })
    })
  })
}
