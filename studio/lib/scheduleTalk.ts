/**
 * "安排报告会" against a Sanity client: one transaction creates the draft talk (unless a
 * previous click already did), links the request to it and records the change in its history, so a
 * failure changes nothing.
 */
import type { SanityClient } from '@sanity/client'
import { requestEvent, requestPatchForTalk, talkFromRequest, type TalkRequestDoc } from './requestInbox'

export interface RequestVersions {
  /** Ids of the request's versions that exist (published and/or draft): each gets the link. */
  ids: string[]
}

export async function scheduleTalk(
  client: Pick<SanityClient, 'transaction'>,
  request: TalkRequestDoc,
  versions: RequestVersions,
  at: Date = new Date(),
): Promise<{ talkId: string }> {
  const talk = talkFromRequest(request)
  const set = requestPatchForTalk(talk._id)
  // The request's timeline records when it was scheduled (lib/requestTimeline.ts).
  const event = requestEvent('scheduled', at)
  let tx = client.transaction().createIfNotExists(talk)
  for (const id of versions.ids)
    tx = tx.patch(id, (p) => p.set(set).setIfMissing({ history: [] }).append('history', [event]))
  await tx.commit({ visibility: 'async' })
  return { talkId: talk._id.replace(/^drafts\./, '') }
}
