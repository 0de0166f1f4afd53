import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { codeStamp } from '../../site/integrations/keep-renderer.mjs'
import { REPO } from '../config'
import { fastRelease } from './fast'
import { linkRelease, removeFile, replaceFile } from './render-worker'
import { outputFile } from './renderer'

const temp = () => mkdtempSync(path.join(tmpdir(), 'laomo-fast-'))
const word = () => Math.random().toString(36).slice(2, 8)

/** A release-like tree of random pages, with its seal mark. */
function release(dir: string, pages = 3 + Math.floor(Math.random() * 5)): string[] {
  const files = ['client/index.html', ...Array.from({ length: pages }, () => `client/talks/${word()}/index.html`)]
  for (const file of [...files, 'server/entry.mjs', 'release.json']) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    writeFileSync(path.join(dir, file), `${file} ${word()}`)
  }
  return files
}

describe('linkRelease', () => {
  it('links every file of a release (same inode, no bytes copied) but its seal mark', async () => {
    const live = temp()
    const files = release(live)
    for (const next of [path.join(temp(), 'next'), temp()]) {
      // A folder that is not there yet, or the empty build folder the service hands over.
      expect(await linkRelease(live, next)).toBeGreaterThan(0)
      for (const file of [...files, 'server/entry.mjs'])
        expect(statSync(path.join(next, file)).ino).toBe(statSync(path.join(live, file)).ino)
      expect(existsSync(path.join(next, 'release.json'))).toBe(false)
      expect(existsSync(path.join(live, 'release.json'))).toBe(true)
    }
  })

  it('fails, naming the folders, when the live release is not there', async () => {
    const missing = path.join(temp(), 'gone')
    await expect(linkRelease(missing, temp())).rejects.toThrow(/cp -al .*gone/)
  })
})

describe('replaceFile and removeFile', () => {
  it('write a linked copy without touching the live release', async () => {
    const live = temp()
    const [, page] = release(live)
    const next = path.join(temp(), 'next')
    await linkRelease(live, next)
    const before = readFileSync(path.join(live, page!), 'utf8')
    const body = `new ${word()}`
    replaceFile(next, page!, new TextEncoder().encode(body))
    expect(readFileSync(path.join(next, page!), 'utf8')).toBe(body)
    expect(readFileSync(path.join(live, page!), 'utf8')).toBe(before)
    replaceFile(next, 'client/talks/added/index.html', new TextEncoder().encode(body))
    expect(existsSync(path.join(live, 'client/talks/added/index.html'))).toBe(false)
  })

  it('remove a page and the folders it leaves empty, not the live one', async () => {
    const live = temp()
    const [, page] = release(live, 2)
    const next = path.join(temp(), 'next')
    await linkRelease(live, next)
    removeFile(next, page!)
    expect(existsSync(path.dirname(path.join(next, page!)))).toBe(false)
    expect(existsSync(path.join(next, 'client/talks'))).toBe(true)
    expect(existsSync(path.join(live, page!))).toBe(true)
  })

  it('refuse a path outside the release (a slug is content)', () => {
    const next = temp()
    expect(() => replaceFile(next, `../${word()}.html`, new Uint8Array())).toThrow(/not inside/)
    expect(() => removeFile(next, `client/../../${word()}`)).toThrow(/not inside/)
  })
})

describe('outputFile', () => {
  it('names outputs as Astro writes them (build.format directory)', () => {
    const slug = word()
    expect(outputFile('/', { type: 'page', component: '', route: '/' })).toBe('client/index.html')
    expect(outputFile('/404', { type: 'page', component: '', route: '/404' })).toBe('client/404.html')
    expect(outputFile(`/workers/${slug}`, { type: 'page', component: '', route: '' })).toBe(
      `client/workers/${slug}/index.html`,
    )
    expect(outputFile(`/calendar/${slug}.ics`, { type: 'endpoint', component: '', route: '' })).toBe(
      `client/calendar/${slug}.ics`,
    )
    expect(outputFile('/workers/%E5%BC%A0', { type: 'page', component: '', route: '' })).toBe(
      'client/workers/张/index.html',
    )
  })
})

describe('fastRelease declines what it cannot do', () => {
  it('a live release without a kept renderer', async () => {
    const live = temp()
    release(live)
    const result = await fastRelease(REPO, live, path.join(temp(), 'next'))
    expect(result).toMatchObject({ ok: false, declined: 'the live release has no kept renderer' })
  })

  it('a live release built from other code', async () => {
    const live = temp()
    release(live)
    mkdirSync(path.join(live, 'prerender'))
    writeFileSync(path.join(live, 'prerender/build.json'), JSON.stringify({ code: word() }))
    writeFileSync(path.join(live, 'prerender/paths.json'), '[]')
    const result = await fastRelease(REPO, live, path.join(temp(), 'next'))
    expect(result).toMatchObject({ ok: false, declined: 'the code changed' })
    expect(codeStamp(REPO)).toMatch(/^[0-9a-f]{64}$/)
  })
})
