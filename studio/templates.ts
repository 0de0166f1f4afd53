/** Initial value templates: the generated ones plus "此劳模的报告会" and "此报告会的图片". */
import type { InitialValueResolverContext, Template } from 'sanity'
import { API_VERSION } from '#domain/sanity'
import { SINGLETON_TYPES } from './schemaTypes'
import {
  PHOTO_FOR_TALK,
  TALK_FOR_WORKER,
  photoForTalkValue,
  talkForWorkerValue,
  type TalkForPhoto,
} from './lib/templates'

export function templates(defaults: Template[]): Template[] {
  return [
    // Singletons are edited in place, never created from a template.
    ...defaults.filter(({ schemaType }) => !SINGLETON_TYPES.has(schemaType)),
    {
      id: TALK_FOR_WORKER,
      title: '此劳模的报告会',
      schemaType: 'talk',
      parameters: [{ name: 'workerId', type: 'string' }],
      value: ({ workerId }: { workerId: string }) => talkForWorkerValue(workerId),
    },
    {
      id: PHOTO_FOR_TALK,
      title: '此报告会的图片',
      schemaType: 'photo',
      parameters: [{ name: 'talkId', type: 'string' }],
      value: async ({ talkId }: { talkId: string }, { getClient }: InitialValueResolverContext) => {
        const id = talkId.replace(/^drafts\./, '')
        const talk: TalkForPhoto | null = await getClient({ apiVersion: API_VERSION }).fetch(
          // The published talk if there is one, else its draft.
          '*[_id in [$id, "drafts." + $id]] | order(_id asc)[0]{speakers, prefecture, venueName, startsAt}',
          { id },
        )
        return photoForTalkValue(id, talk)
      },
    },
  ]
}
