import type { DocumentActionComponent } from 'sanity'
import { useRouter } from 'sanity/router'
import { AddIcon } from '@sanity/icons/Add'
import { PHOTO_FOR_TALK, TALK_FOR_WORKER } from '../lib/templates'

interface CreateFrom {
  label: string
  type: string
  template: string
  /** Name of the template parameter that receives this document's id. */
  param: string
  unpublished: string
}

/** An action that opens a new document from a template fed with this (published) document's id. */
function createFromTemplate({ label, type, template, param, unpublished }: CreateFrom): DocumentActionComponent {
  const Action: DocumentActionComponent = ({ id, published, onComplete }) => {
    const router = useRouter()
    return {
      label,
      icon: AddIcon,
      // The new document references this one: a strong reference needs it published.
      disabled: !published,
      title: published ? undefined : unpublished,
      onHandle: () => {
        router.navigateIntent('create', [{ type, template }, { [param]: id }])
        onComplete()
      },
    }
  }
  Action.displayName = `CreateFromTemplate(${template})`
  return Action
}

/** "新建此劳模的报告会" on a worker: a new talk with the worker as speaker. */
export const NewTalkForWorkerAction = createFromTemplate({
  label: '新建此劳模的报告会',
  type: 'talk',
  template: TALK_FOR_WORKER,
  param: 'workerId',
  unpublished: '请先发布劳模资料',
})

/** "添加现场照片" on a talk: a new photo linked to the talk, its speakers as the people shown. */
export const NewPhotoForTalkAction = createFromTemplate({
  label: '添加现场照片',
  type: 'photo',
  template: PHOTO_FOR_TALK,
  param: 'talkId',
  unpublished: '请先发布报告会',
})
