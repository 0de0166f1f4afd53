import { describe, expect, it } from 'vitest'
import { parseDataset } from './dataset.ts'

const lines = [
  { _id: 'story-a', _type: 'story', title: '已发布' },
  { _id: 'drafts.story-a', _type: 'story', title: '草稿：修改未发布' },
  { _id: 'drafts.story-new', _type: 'story', title: '从未发布' },
  { _id: 'versions.r1.story-a', _type: 'story', title: '发布计划中的版本' },
  { _id: 'story-b', _type: 'story', title: '没有草稿' },
]
  .map((d) => JSON.stringify(d))
  .join('\n')

describe('dataset perspectives', () => {
  it('published: drafts and release versions never appear', () => {
    const { documents } = parseDataset('/tmp/data.ndjson', lines)
    expect(documents.map((d) => [d._id, d.title])).toEqual([
      ['story-a', '已发布'],
      ['story-b', '没有草稿'],
    ])
  })

  it('drafts: a draft in place of its document, a never-published draft on its own, versions still out', () => {
    const { documents } = parseDataset('/tmp/data.ndjson', lines, 'drafts')
    expect(documents.map((d) => [d._id, d.title, d._originalId])).toEqual([
      ['story-a', '草稿：修改未发布', 'drafts.story-a'],
      ['story-b', '没有草稿', undefined],
      ['story-new', '从未发布', 'drafts.story-new'],
    ])
  })
})
