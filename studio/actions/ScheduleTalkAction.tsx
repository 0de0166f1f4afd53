import { useState } from 'react'
import { useClient, type DocumentActionComponent } from 'sanity'
import { useRouter } from 'sanity/router'
import { useToast } from '@sanity/ui/toast'
import { CalendarIcon } from '@sanity/icons/Calendar'
import { API_VERSION } from '#domain/sanity'
import { scheduleBlockedReason, type TalkRequestDoc } from '../lib/requestInbox'
import { scheduleTalk } from '../lib/scheduleTalk'

/**
 * "安排报告会": creates a draft talk prefilled from the request (lib/requestInbox.ts) and, in the
 * same transaction, links it from the request and marks the request 已安排; then opens the talk.
 */
export const ScheduleTalkAction: DocumentActionComponent = ({ draft, published, onComplete }) => {
  const client = useClient({ apiVersion: API_VERSION })
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
      try {
        const ids = [published?._id, draft?._id].filter((x): x is string => Boolean(x))
        const { talkId } = await scheduleTalk(client, request, { ids })
        toast.push({
          status: 'success',
          title: '已生成报告会草稿',
          description: '请补充地图位置、时间和宣讲劳模后发布。',
        })
        router.navigateIntent('edit', { id: talkId, type: 'talk' })
      } catch (error) {
        toast.push({
          status: 'error',
          title: '安排失败，申请未改动',
          description: String((error as Error).message ?? error),
        })
      } finally {
        setBusy(false)
        onComplete()
      }
    },
  }
}
ScheduleTalkAction.displayName = 'ScheduleTalkAction'
