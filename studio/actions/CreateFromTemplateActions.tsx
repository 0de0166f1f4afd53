import type { DocumentActionComponent } from 'sanity'
import { useRouter } from 'sanity/router'
import { AddIcon } from '@sanity/icons/Add'
import { PHOTO_FOR_TALK, TALK_FOR_WORKER } from '../lib/templates'

/** "新建此劳模的报告会" on a worker: a new talk with the worker as speaker. */
export const NewTalkForWorkerAction: DocumentActionComponent = ({ id, published, onComplete }) => {
  const router = useRouter()
  return {
    label: '新建此劳模的报告会',
    icon: AddIcon,
    disabled: !published,
    title: published ? undefined : '请先发布劳模资料',
    onHandle: () => {
      router.navigateIntent('create', [{ type: 'talk', template: TALK_FOR_WORKER }, { workerId: id }])
      onComplete()
    },
  }
}
NewTalkForWorkerAction.displayName = 'NewTalkForWorkerAction'

/** "添加现场照片" on a talk: a new photo linked to the talk, its speakers as the people shown. */
export const NewPhotoForTalkAction: DocumentActionComponent = ({ id, published, onComplete }) => {
  const router = useRouter()
  return {
    label: '添加现场照片',
    icon: AddIcon,
    disabled: !published,
    title: published ? undefined : '请先发布报告会',
    onHandle: () => {
      router.navigateIntent('create', [{ type: 'photo', template: PHOTO_FOR_TALK }, { talkId: id }])
      onComplete()
    },
  }
}
NewPhotoForTalkAction.displayName = 'NewPhotoForTalkAction'
