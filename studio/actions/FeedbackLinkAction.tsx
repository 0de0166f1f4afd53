import { useState } from 'react'
import { useClient, type DocumentActionComponent } from 'sanity'
import { Button, Card, Flex, Stack, Text, TextInput } from '@sanity/ui'
import { LinkIcon } from '@sanity/icons/Link'
import { API_VERSION } from '#domain/sanity'
import { beijingDate } from '../lib/templates'
import { feedbackLinkBlockedReason, requestFeedbackLink, type FeedbackLink } from '../lib/feedbackLink'

/**
 * On a held, published talk: one click makes a signed feedback link for the school (lib/feedbackLink.ts) and
 * shows it to copy. Each click makes a new link; each link takes one feedback.
 */
export const FeedbackLinkAction: DocumentActionComponent = ({ id, published, onComplete }) => {
  const client = useClient({ apiVersion: API_VERSION })
  const [busy, setBusy] = useState(false)
  const [link, setLink] = useState<FeedbackLink | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [copied, setCopied] = useState(false)
  const blocked = feedbackLinkBlockedReason(published as { status?: string } | null, Boolean(published))
  const close = () => {
    setLink(null)
    setError(null)
    setCopied(false)
    onComplete()
  }
  return {
    label: busy ? '正在生成…' : '生成反馈链接',
    icon: LinkIcon,
    disabled: Boolean(blocked) || busy,
    title: blocked ?? '生成一个发给学校的反馈链接（每个链接可提交一次反馈）',
    onHandle: async () => {
      setBusy(true)
      try {
        setLink(await requestFeedbackLink(client, id, window.location.origin))
      } catch (e) {
        setError(String((e as Error).message ?? e))
      } finally {
        setBusy(false)
      }
    },
    dialog: (link !== null || error !== null) && {
      type: 'dialog',
      header: link ? '反馈链接已生成' : '未能生成反馈链接',
      onClose: close,
      content: link ? (
        <Stack gap={4}>
          <Text size={1}>
            把这个链接发给学校的联系老师（短信或微信）。链接到 {beijingDate(link.expiresAt)} 前有效，可提交一次反馈。
          </Text>
          <Flex gap={2}>
            <Card style={{ flex: 1 }}>
              <TextInput readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} data-feedback-link />
            </Card>
            <Button
              text={copied ? '已复制' : '复制'}
              tone="primary"
              onClick={() => navigator.clipboard.writeText(link.url).then(() => setCopied(true))}
            />
          </Flex>
        </Stack>
      ) : (
        <Text size={1}>{error}</Text>
      ),
    },
  }
}
FeedbackLinkAction.displayName = 'FeedbackLinkAction'
