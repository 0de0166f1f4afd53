import type { DocumentActionComponent } from 'sanity'
import { useRouter } from 'sanity/router'
import { EyeOpenIcon } from '@sanity/icons/EyeOpen'
import { publishedId } from '../lib/siteLinks'

/** Types whose documents have a page to preview. */
export const PREVIEWABLE_TYPES = new Set(['modelWorker', 'talk', 'photo', 'story', 'tour'])

/** "预览": opens the 预览 tool (Presentation) at this document's page, drafts included, beside its form. */
export const PreviewAction: DocumentActionComponent = ({ id, type, onComplete }) => {
  const { navigateIntent } = useRouter()
  return {
    label: '预览',
    icon: EyeOpenIcon,
    title: '在预览中查看此文档的页面（包括尚未发布的修改）',
    onHandle: () => {
      navigateIntent('edit', { id: publishedId(id), type, mode: 'presentation', presentation: 'preview' })
      onComplete()
    },
  }
}
PreviewAction.displayName = 'PreviewAction'
