import { useDocumentOperation, type DocumentActionComponent } from 'sanity'
import { formerSlugsPatch } from '../lib/formerSlugs'

/** Types whose pages live at their slug: a rename must leave the old address redirecting. */
export const TYPES_WITH_SLUG_PAGES = new Set(['modelWorker', 'story', 'tour'])

const wrapped = new WeakMap<DocumentActionComponent, DocumentActionComponent>()

/**
 * The default "发布", which first writes the published slug into the draft's `formerSlugs` when the
 * slug changed (lib/formerSlugs.ts decides). Sanity commits the patch and waits for the draft to be
 * consistent before it publishes (publish is a "requires consistency" operation), so the published
 * document carries the patch.
 */
export function withFormerSlugs(publish: DocumentActionComponent): DocumentActionComponent {
  // One wrapper per publish action: Sanity runs actions as hooks, and a new component on every resolve
  // would lose the publish button's state (a publish waiting for validation) between renders.
  const known = wrapped.get(publish)
  if (known) return known
  const Action: DocumentActionComponent = (props) => {
    const { patch } = useDocumentOperation(props.id, props.type)
    const original = publish(props)
    if (!original) return original
    return {
      ...original,
      onHandle: () => {
        // Drafts only: a release's version is published with its release, not by this button.
        const change = props.version ? null : formerSlugsPatch(props.published, props.draft)
        if (change) patch.execute([change])
        original.onHandle?.()
      },
    }
  }
  Action.action = publish.action
  Action.displayName = 'PublishWithFormerSlugs'
  wrapped.set(publish, Action)
  return Action
}
