import { describe, expect, it, vi } from 'vitest'
import type { DocumentActionComponent } from 'sanity'

// The one Studio hook the wrapper calls, recorded: what it patches, and in which order against publishing.
const calls: string[] = []
vi.mock('sanity', async (importOriginal) => ({
  ...(await importOriginal<typeof import('sanity')>()),
  useDocumentOperation: () => ({ patch: { execute: (p: unknown) => calls.push(`patch ${JSON.stringify(p)}`) } }),
}))

const { withFormerSlugs } = await import('./PublishWithFormerSlugs')
const config = (await import('../sanity.config')).default as any

const publish: DocumentActionComponent = () => ({ label: '发布', onHandle: () => calls.push('publish') })
publish.action = 'publish'
const other: DocumentActionComponent = () => ({ label: '删除', onHandle: () => {} })
other.action = 'delete'

const doc = (slug: string, formerSlugs?: string[]) => ({
  _id: 'worker-x',
  _type: 'modelWorker',
  _rev: 'r',
  _createdAt: '2026-01-01T00:00:00Z',
  _updatedAt: '2026-01-01T00:00:00Z',
  slug: { _type: 'slug', current: slug },
  ...(formerSlugs ? { formerSlugs } : {}),
})
const props = (published: unknown, draft: unknown) =>
  ({ id: 'worker-x', type: 'modelWorker', published, draft, version: null, onComplete: () => {} }) as any

describe('the publish action of types with slug pages', () => {
  it('is wrapped for modelWorker, story and tour, and only there', () => {
    for (const schemaType of ['modelWorker', 'story', 'tour', 'talk', 'photo']) {
      const actions = config.document.actions([publish, other], { schemaType }) as DocumentActionComponent[]
      const wrapped = actions.find((a) => a.action === 'publish')!
      expect(wrapped === publish, schemaType).toBe(!['modelWorker', 'story', 'tour'].includes(schemaType))
      expect(actions).toContain(other)
    }
    // The same component every time: Sanity keeps the action's state across renders.
    const again = () => config.document.actions([publish], { schemaType: 'story' })[0]
    expect(again()).toBe(again())
  })

  it('patches formerSlugs into the draft before publishing a renamed document', () => {
    calls.length = 0
    withFormerSlugs(publish)(props(doc('old-name', ['older']), doc('new-name', ['older'])))!.onHandle!()
    expect(calls).toEqual([`patch ${JSON.stringify([{ set: { formerSlugs: ['older', 'old-name'] } }])}`, 'publish'])
  })

  it('only publishes when the slug is unchanged', () => {
    calls.length = 0
    withFormerSlugs(publish)(props(doc('same'), doc('same')))!.onHandle!()
    expect(calls).toEqual(['publish'])
  })
})
