import { useDocumentOperation, type DocumentActionComponent } from 'sanity'
import { CheckmarkIcon } from '@sanity/icons/Checkmark'
import { CloseIcon } from '@sanity/icons/Close'
import { EnvelopeIcon } from '@sanity/icons/Envelope'
import { ResetIcon } from '@sanity/icons/Reset'
import { statusChangePatches, statusChanges, type TalkRequestDoc } from '../lib/requestInbox'
import { REQUEST_STATUSES, type RequestStatus } from '#domain/vocabulary'

const ICONS: Record<RequestStatus, typeof CheckmarkIcon> = {
  new: ResetIcon,
  contacted: EnvelopeIcon,
  scheduled: CheckmarkIcon,
  declined: CloseIcon,
}

/** One action per target status; each shows only where lib/requestInbox.ts allows the change. */
function requestStatusAction(to: RequestStatus): DocumentActionComponent {
  const Action: DocumentActionComponent = ({ id, type, draft, published, onComplete }) => {
    const { patch, publish } = useDocumentOperation(id, type)
    const request = (draft ?? published) as TalkRequestDoc | null
    const change = request ? statusChanges(request.status, Boolean(request.talk?._ref)).find((c) => c.to === to) : null
    if (!change) return null
    return {
      label: change.label,
      icon: ICONS[to],
      tone: to === 'declined' ? 'critical' : undefined,
      // One click: set the status (recorded in the history for the timeline) and publish, so the inbox lists
      // update at once.
      onHandle: () => {
        patch.execute(statusChangePatches(request!, to, new Date()))
        publish.execute()
        onComplete()
      },
    }
  }
  Action.displayName = `RequestStatusAction(${to})`
  return Action
}

export const REQUEST_STATUS_ACTIONS: DocumentActionComponent[] = REQUEST_STATUSES.map((s) =>
  requestStatusAction(s.value),
)
