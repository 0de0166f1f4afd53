import { describe, expect, it } from 'vitest'
import { gonePaths, parseDelivery } from './delivery'

describe('webhook deliveries', () => {
  it('reads the configured projection and Sanity’s default (the whole document)', () => {
    expect(parseDelivery('{"_id":"talk-1","_type":"talk","operation":"update","slug":null}')).toEqual({
      delivery: { _id: 'talk-1', _type: 'talk', operation: 'update', slug: null },
    })
    const whole = parseDelivery(JSON.stringify({ _id: 'w', _type: 'modelWorker', _rev: 'r', name: '李明' }))
    expect(whole).toEqual({ delivery: { _id: 'w', _type: 'modelWorker' } })
  })

  it('refuses what is not a delivery, in words a person understands', () => {
    expect(parseDelivery('not json')).toEqual({ error: '请求内容不是有效的 JSON。' })
    expect(parseDelivery('{"_type":"talk"}')).toEqual({ error: '请求内容缺少文档的 _id 或 _type。' })
    expect(parseDelivery('{"_id":"x","_type":"talk","operation":"explode"}')).toHaveProperty('error')
  })

  it('names the pages a delete or a slug change removes, as written on disk', () => {
    expect(
      gonePaths([
        { _id: 'talk-9', _type: 'talk', operation: 'delete' },
        { _id: 'w1', _type: 'modelWorker', operation: 'update', slug: 'li-ming-2', previousSlug: '李明' },
        { _id: 'w2', _type: 'modelWorker', operation: 'update', slug: 'same', previousSlug: 'same' },
        { _id: 's1', _type: 'story', operation: 'delete', previousSlug: 'old-story' },
        { _id: 'settings', _type: 'siteSettings', operation: 'delete' },
      ]),
    ).toEqual(['/talks/talk-9/', '/workers/李明/', '/stories/old-story/'])
  })
})
