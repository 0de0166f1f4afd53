/**
 * Sanity's own CLI, offline: the schema is valid, the bundled dataset validates against it,
 * and the validator really rejects a bad talk (so a green run above means something).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const SANITY = path.resolve('node_modules/.bin/sanity')
// `documents validate --file` needs some token to start; nothing is sent anywhere offline.
const env = { ...process.env, SANITY_AUTH_TOKEN: 'offline-validation', SANITY_TELEMETRY_DISABLED: '1', CI: 'true' }

interface Marker {
  level: 'error' | 'warning' | 'info'
  message: string
  path: (string | number | Record<string, string>)[]
}
interface Report {
  documentId: string
  documentType: string
  level: string
  markers: Marker[]
}

function validateFile(file: string) {
  const run = spawnSync(
    SANITY,
    ['documents', 'validate', '--file', file, '--format', 'ndjson', '--level', 'error', '-y'],
    {
      env,
      encoding: 'utf8',
    },
  )
  const reports: Report[] = run.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line))
  return { status: run.status, reports, stderr: run.stderr }
}

describe('Sanity CLI', () => {
  it('validates the schema', () => {
    const run = spawnSync(SANITY, ['schema', 'validate'], { env, encoding: 'utf8' })
    expect(run.stdout + run.stderr).toMatch(/0 errors/)
    expect(run.status).toBe(0)
  })

  it('accepts the bundled sample dataset with no errors', () => {
    const { status, reports, stderr } = validateFile('studio/seed/data.ndjson')
    const errors = reports.flatMap((r) =>
      r.markers.filter((m) => m.level === 'error').map((m) => `${r.documentId} ${m.path.join('.')}: ${m.message}`),
    )
    expect(errors, stderr).toEqual([])
    expect(status).toBe(0)
  })

  it('rejects an invalid talk, naming the document and fields in Chinese', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'laomo-invalid-'))
    const file = path.join(dir, 'invalid.ndjson')
    const docs = [
      {
        _id: 'worker-test',
        _type: 'modelWorker',
        name: '测试劳模',
        slug: { _type: 'slug', current: 'ceshi-laomo' },
        fictional: true,
        availableForSchools: false,
        employer: '用于凑足文件长度的测试单位名称',
      },
      {
        _id: 'talk-invalid',
        _type: 'talk',
        title: '缺少场地名称和类型、没有宣讲人的报告会',
        startsAt: '2026-01-01T01:00:00Z',
        prefecture: '兰州市',
        status: 'held',
        location: { _type: 'geopoint', lat: 31.2, lng: 121.5 },
        speakers: [],
      },
    ]
    // The CLI reads a file under 300 bytes as empty, so the fixture stays well above that.
    writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n') + '\n')
    const { status, reports } = validateFile(file)
    expect(status).not.toBe(0)
    const talk = reports.find((r) => r.documentId === 'talk-invalid')
    expect(talk?.level).toBe('error')
    const byField = Object.fromEntries(talk!.markers.map((m) => [String(m.path[0]), m.message]))
    expect(byField.venueName).toBe('请填写场地名称')
    expect(byField.venueType).toMatch(/请选择场地类型/)
    expect(byField.speakers).toBe('请至少选择一位宣讲劳模')
    expect(reports.find((r) => r.documentId === 'worker-test')).toBeUndefined()
  })

  it('refuses rich-text links with a scheme the site will not link', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'laomo-links-'))
    const file = path.join(dir, 'links.ndjson')
    const link = (key: string, href: string) => ({ _type: 'link', _key: key, href })
    const span = (key: string, text: string) => ({ _type: 'span', _key: `s${key}`, text, marks: [key] })
    const doc = {
      _id: 'story-links',
      _type: 'story',
      title: '链接测试',
      slug: { _type: 'slug', current: 'lianjie-ceshi' },
      publishedAt: '2026-01-01T01:00:00.000Z',
      excerpt: '只有 javascript: 链接应被拒绝，其余四种都可以。',
      body: [
        {
          _type: 'block',
          _key: 'b1',
          style: 'normal',
          markDefs: [
            link('ok1', 'https://www.acftu.org/'),
            link('ok2', 'mailto:office@example.org'),
            link('ok3', 'tel:+869310000000'),
            link('bad', 'javascript:alert(1)'),
          ],
          children: [span('ok1', '全总'), span('ok2', '邮箱'), span('ok3', '电话'), span('bad', '脚本')],
        },
      ],
    }
    writeFileSync(file, JSON.stringify(doc) + '\n')
    const { status, reports } = validateFile(file)
    expect(status).not.toBe(0)
    const markers = reports.find((r) => r.documentId === 'story-links')!.markers.filter((m) => m.level === 'error')
    expect(markers.map((m) => m.message)).toEqual([
      '链接只能以 https://、http://、mailto: 或 tel: 开头，并填写完整地址',
    ])
    expect(JSON.stringify(markers[0]!.path)).toContain('"bad"')
  })
})
