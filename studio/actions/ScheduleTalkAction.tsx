import { useState } from 'react'
import { useClient, useDocumentOperation, type DocumentActionComponent } from 'sanity'
import { useRouter } from 'sanity/router'
import { useToast } from '@sanity/ui/toast'
import { CalendarIcon } from '@sanity/icons/Calendar'
import {
  requestPatchForTalk,
  scheduleBlockedReason,
  talkFromRequest,
  type TalkRequestDoc,
} from '../lib/requestInbox'

/**
 * "安排报告会": creates a draft talk prefilled from the request (lib/requestInbox.ts), links it
 * from the request, marks the request 已安排, publishes the request and opens the talk.
 */
export const ScheduleTalkAction: DocumentActionComponent = ({ id, type, draft, published, onComplete }) => {
  const client = useClient({ apiVersion: '2026-11-01' })
  const { patch, publish } = useDocumentOperation(id, type)
  const router = useRouter()
  const toast = useToast()
  const [busy, setBusy] = useState(false)
  const request = (draft ?? published) as TalkRequestDoc | null
  const blocked = scheduleBlockedReason(request)
  return {
    label: busy ? '正在安排…' : '安排报告会',
    icon: CalendarIcon,
    tone: 'primary',
    disabled: Boolean(blocked) || busy,
    title: blocked ?? '根据此申请生成报告会草稿，并把申请标记为“已安排”',
    onHandle: async () => {
      if (!request) return
      setBusy(true)
      const talk = talkFromRequest(request)
      try {
        await client.createIfNotExists(talk)
        patch.execute([{ set: requestPatchForTalk(talk._id) }])
        publish.execute()
        toast.push({ status: 'success', title: '已生成报告会草稿', description: '请补充地图位置、时间和宣讲劳模后发布。' })
        router.navigateIntent('edit', { id: talk._id.replace(/^drafts\./, ''), type: 'talk' })
      } catch (error) {
        toast.push({ status: 'error', title: '安排失败，申请未改动', description: String((error as Error).message ?? error) })
      } finally {
        setBusy(false)
        onComplete()
      }
    },
  }
}
ScheduleTalkAction.displayName = 'ScheduleTalkAction'
