import { existsSync, statSync } from 'node:fs'
import path from 'node:path'

/** The static part of a build: with the Node adapter it lives in `<outDir>/client`. */
export function staticDirOf(outDir: string): string {
  const client = path.join(outDir, 'client')
  return existsSync(client) && statSync(client).isDirectory() ? client : outDir
}
