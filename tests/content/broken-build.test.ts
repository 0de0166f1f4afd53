/**
 * A whole build from a dataset with mistakes in it: the build succeeds, every mistake is a
 * named warning in the log, and the good content is all there.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

describe('build from broken content', () => {
  it('builds, warns by document id and field, and keeps everything else', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'laomo-broken-build-'))
    const lines = readFileSync('studio/seed/data.ndjson', 'utf8').trim().split('\n')
    const docs = lines.map((l) => JSON.parse(l))
    const talk = docs.find((d) => d._id === 'talk-005')
    delete talk.location
    const talk2 = docs.find((d) => d._id === 'talk-006')
    talk2.speakers.push({ _type: 'reference', _ref: 'worker-does-not-exist', _key: 'ghost' })
    const talk3 = docs.find((d) => d._id === 'talk-007')
    delete talk3.title
    const worker = docs.find((d) => d._type === 'modelWorker' && d.fictional)
    delete worker.slug
    // The 点单 menu: a worker's topic references to a deleted topic and to one not published yet; a topic without stages.
    const teacher = docs.find(
      (d) => d._type === 'modelWorker' && d !== worker && d.availableForSchools && d.lectureTopics?.length,
    )
    teacher.lectureTopics.push(
      { _type: 'reference', _ref: 'topic-gone', _key: 'gone' },
      {
        _type: 'reference',
        _ref: 'topic-draft',
        _key: 'draft',
        _weak: true,
        _strengthenOnPublish: { type: 'lectureTopic' },
      },
    )
    docs.push({
      _id: 'drafts.topic-draft',
      _type: 'lectureTopic',
      title: '草稿主题',
      theme: 'labour',
      stages: ['primary'],
    })
    const stageless = docs.find((d) => d._type === 'lectureTopic')
    delete stageless.stages
    // Images stay where they are: point the copies at the seed folder.
    const text = docs
      .map((d) => JSON.stringify(d).replaceAll('file://./images/', `file://${path.resolve('studio/seed/images')}/`))
      .join('\n')
    writeFileSync(path.join(dir, 'data.ndjson'), text + '\n')
    // Inside the project: the Node adapter's prerender step resolves packages from the output folder.
    const out = path.resolve('dist-broken-content')
    rmSync(out, { recursive: true, force: true })
    const run = spawnSync(path.resolve('node_modules/.bin/astro'), ['build'], {
      env: { ...process.env, LAOMO_DATASET: dir, LAOMO_OUT_DIR: out, LAOMO_EMBED_STUDIO: '0' },
      encoding: 'utf8',
    })
    const log = run.stdout + run.stderr
    expect(run.status, log).toBe(0)
    expect(log).toContain('talk talk-005: field "location" is missing — talk listed without a map position')
    expect(log).toContain('talk talk-006: field "speakers[')
    expect(log).toContain('references "worker-does-not-exist", which does not exist (dangling reference)')
    expect(log).toContain('talk talk-007: field "title" is missing (required) — document skipped')
    expect(log).toContain(`modelWorker ${worker._id}: field "slug" is missing (required) — document skipped`)
    expect(log).toContain('212 of 213 from')
    const at = teacher.lectureTopics.length
    expect(log).toContain(
      `modelWorker ${teacher._id}: field "lectureTopics[${at - 2}]" references "topic-gone", which does not exist`,
    )
    expect(log).toContain(
      `modelWorker ${teacher._id}: field "lectureTopics[${at - 1}]" references "topic-draft", which is not published yet`,
    )
    expect(log).toContain(`lectureTopic ${stageless._id}: field "stages" is empty`)
    // The stageless topic stays on the all-stages menu; the draft topic is nowhere.
    const menu = readFileSync(path.join(out, 'client', 'schools', 'topics', 'index.html'), 'utf8')
    expect(menu).toContain(`data-topic-id="${stageless._id}"`)
    expect(menu).not.toContain('草稿主题')
    // Built from another dataset: no sample notice; the rest of the site is there.
    const home = readFileSync(path.join(out, 'client', 'index.html'), 'utf8')
    expect(home).not.toContain('data-sample-notice')
    // The figures count what the site shows: the worker without a slug and the talk without a title are not.
    const workerCount = docs.filter((d) => d._type === 'modelWorker').length - 1
    expect(home).toMatch(new RegExp(`data-stat="workers"[^>]*><strong>${workerCount}<`))
    expect(home).toMatch(/data-stat="talks"[^>]*><strong>212</)
    expect(existsSync(path.join(out, 'client', 'workers', 'zhang-hongmei', 'index.html'))).toBe(true)
  })
})
