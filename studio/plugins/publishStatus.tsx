/**
 * The 发布状态 tool: what the publish service is doing, for editors who just pressed 发布 — the version
 * readers see, the build on its way, the last builds with their result, and the content problems the last
 * build named. It reads the service's GET /status every few seconds (CORS: LAOMO_STUDIO_ORIGINS).
 */
import { useEffect, useState } from 'react'
import { definePlugin } from 'sanity'
import { RocketIcon } from '@sanity/icons/Rocket'
import { Badge, Box, Card, Container, Heading, Stack, Text } from '@sanity/ui'
import { publishStatusUrl } from '../env'
import {
  buildSeconds,
  formatInstant,
  headline,
  isStatusReply,
  lastWarnings,
  RESULT_LABELS,
  type StatusReply,
} from '#domain/publishStatus'

const POLL_MS = 5_000
const TONES = { building: 'primary', live: 'positive', failed: 'critical' } as const

function usePublishStatus() {
  const [state, setState] = useState<{ status?: StatusReply; error?: string }>({})
  useEffect(() => {
    let stopped = false
    const load = async () => {
      try {
        const reply: unknown = await (await fetch(publishStatusUrl, { cache: 'no-store' })).json()
        if (!isStatusReply(reply)) throw new Error('返回的内容不是发布服务的状态')
        if (!stopped) setState({ status: reply })
      } catch (error) {
        if (!stopped) setState((s) => ({ ...s, error: (error as Error).message }))
      }
    }
    void load()
    const timer = setInterval(load, POLL_MS)
    return () => {
      stopped = true
      clearInterval(timer)
    }
  }, [])
  return state
}

function PublishStatusTool() {
  const { status, error } = usePublishStatus()
  const warnings = status ? lastWarnings(status) : []
  return (
    <Container width={2} padding={4}>
      <Stack gap={4}>
        <Heading size={2}>发布状态</Heading>
        {error && (
          <Card tone="caution" padding={3} radius={2}>
            <Text>
              无法读取发布服务（{publishStatusUrl}）：{error}
            </Text>
          </Card>
        )}
        {status && <Text data-testid="publish-headline">{headline(status)}</Text>}
        {warnings.length > 0 && (
          <Card tone="caution" padding={3} radius={2}>
            <Stack gap={3}>
              <Text weight="semibold">最近一次构建发现的内容问题（{warnings.length} 项）：</Text>
              {warnings.map((w) => (
                <Text key={w} size={1}>
                  {w}
                </Text>
              ))}
            </Stack>
          </Card>
        )}
        <Stack gap={2}>
          {status?.builds.map((b) => (
            <Card key={b.release} padding={3} radius={2} border>
              <Stack gap={3}>
                <Box>
                  <Badge tone={TONES[b.result]}>{RESULT_LABELS[b.result]}</Badge>{' '}
                  <Text size={1}>
                    {b.release} · {formatInstant(b.startedAt)} 开始
                    {buildSeconds(b) !== null ? ` · 用时 ${buildSeconds(b)} 秒` : ''} · {b.documents.length} 个文档
                  </Text>
                </Box>
                {b.reason && (
                  <Text size={1} style={{ whiteSpace: 'pre-wrap' }}>
                    {b.reason}
                  </Text>
                )}
                {b.afterSwitchError && <Text size={1}>上线后同步命令失败：{b.afterSwitchError}</Text>}
              </Stack>
            </Card>
          ))}
        </Stack>
      </Stack>
    </Container>
  )
}

export const publishStatusPlugin = definePlugin({
  name: 'laomo-publish-status',
  tools: [{ name: 'publish-status', title: '发布状态', icon: RocketIcon, component: PublishStatusTool }],
})
