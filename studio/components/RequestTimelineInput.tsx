/**
 * The request's `history` field, shown as its timeline: the request's own fields and history, the linked
 * talk (draft or published) and the feedback on it, read from the Content Lake and updated when either
 * document changes. Read-only: the status buttons and "安排报告会" write the history.
 */
import { useEffect, useState, type ReactNode } from 'react'
import { useClient, useFormValue, type ArrayOfObjectsInputProps } from 'sanity'
import { IntentLink } from 'sanity/router'
import { Card, Text } from '@sanity/ui'
import { API_VERSION } from '#domain/sanity'
import { fetchTimelineData, requestTimeline, type TimelineData, type TimelineRequest } from '../lib/requestTimeline'
import { RequestTimeline } from './RequestTimeline'

function TalkIntentLink({ talkId, children }: { talkId: string; children: ReactNode }) {
  return (
    <IntentLink intent="edit" params={{ id: talkId, type: 'talk' }}>
      {children}
    </IntentLink>
  )
}

export function RequestTimelineInput(_props: ArrayOfObjectsInputProps) {
  const request = (useFormValue([]) ?? {}) as TimelineRequest & { _rev?: string }
  const client = useClient({ apiVersion: API_VERSION })
  const talkId = request.talk?._ref
  const [data, setData] = useState<TimelineData>({ talk: null, feedback: [] })
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    let live = true
    const load = () =>
      fetchTimelineData(client, talkId).then(
        (d) => live && (setData(d), setFailed(false)),
        () => live && setFailed(true),
      )
    void load()
    if (!talkId) return () => void (live = false)
    // The talk is held or gets feedback while the request stays open: follow both.
    const subscription = client
      .listen(
        `*[(_type == "talk" && _id in [$talkId, "drafts." + $talkId]) || (_type == "talkFeedback" && talk._ref == $talkId)]`,
        { talkId },
        { visibility: 'query', includeResult: false },
      )
      .subscribe({ next: () => void load() })
    return () => {
      live = false
      subscription.unsubscribe()
    }
  }, [client, talkId, request._rev])

  return (
    <Card>
      <RequestTimeline steps={requestTimeline(request, data.talk, data.feedback)} TalkLink={TalkIntentLink} />
      {failed && (
        <Text size={1} muted>
          无法读取关联的报告会和反馈，请检查网络后刷新。
        </Text>
      )}
    </Card>
  )
}
