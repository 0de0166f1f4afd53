/**
 * A request's timeline as a list of steps (lib/requestTimeline.ts builds them). Presentational only: the
 * link to the talk is a component the caller gives (the Studio's intent link, or a plain link in tests).
 */
import type { ComponentType, ReactNode } from 'react'
import { Card, Flex, Stack, Text } from '@sanity/ui'
import { beijingDateTimeLabel, type StepKind, type TimelineStep } from '../lib/requestTimeline'

export type TalkLinkComponent = ComponentType<{ talkId: string; children: ReactNode }>

const TONES: Partial<Record<StepKind, 'positive' | 'critical' | 'caution' | 'primary'>> = {
  scheduled: 'primary',
  held: 'positive',
  declined: 'critical',
  cancelled: 'caution',
  feedback: 'positive',
}

function Step({ step, TalkLink }: { step: TimelineStep; TalkLink: TalkLinkComponent }) {
  const when = step.at ? beijingDateTimeLabel(step.at) : step.pending ? '' : '时间未记录'
  return (
    <li data-step={step.kind} data-pending={step.pending ? 'true' : undefined}>
      <Card padding={3} radius={2} border tone={step.pending ? 'transparent' : (TONES[step.kind] ?? 'default')}>
        <Stack gap={2}>
          <Flex gap={3} align="baseline" wrap="wrap">
            <Text weight="semibold" size={1}>
              {step.label}
            </Text>
            {when && (
              <Text size={1} muted>
                {step.pending ? `${when}（尚未举行）` : when}
              </Text>
            )}
          </Flex>
          {step.detail && (
            <Text size={1} data-detail>
              {step.detail}
            </Text>
          )}
          {step.talkId && (
            <Text size={1}>
              <TalkLink talkId={step.talkId}>打开报告会</TalkLink>
            </Text>
          )}
        </Stack>
      </Card>
    </li>
  )
}

export function RequestTimeline({ steps, TalkLink }: { steps: TimelineStep[]; TalkLink: TalkLinkComponent }) {
  return (
    <ol aria-label="申请处理经过" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: '0.5rem' }}>
      {steps.map((step, i) => (
        <Step key={`${step.kind}-${i}`} step={step} TalkLink={TalkLink} />
      ))}
    </ol>
  )
}
