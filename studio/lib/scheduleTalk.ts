/**
 * "安排报告会" against a Sanity client: one transaction creates the draft talk (unless a
 * previous click already did) and links the request to it, so a failure changes nothing.
 */
import type { SanityClient } from '@sanity/client'
import { requestPatchForTalk, talkFromRequest, type TalkRequestDoc } from './requestInbox'

export interface RequestVersions {
  /** Ids of the request's versions that exist (published and/or draft): each gets the link. */
  ids: string[]
}

export async function scheduleTalk(
  client: Pick<SanityClient, 'transaction'>,
  request: TalkRequestDoc,
  versions: RequestVersions,
): Promise<{ talkId: string }> {
  const talk = talkFromRequest(request)
  const set = requestPatchForTalk(talk._id)
  let tx = client.transaction().createIfNotExists(talk)
  for (const id of versions.ids) tx = tx.patch(id, (p) => p.set(set))
  await tx.commit({ visibility: 'async' })
  return { talkId: talk._id.replace(/^drafts\./, '') }
}
