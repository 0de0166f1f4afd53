/**
 * Test page for the Studio's own components, mounted outside the Studio (which cannot reach
 * Sanity offline): the real LocationInput with a minimal form-props harness, the picker on
 * Gaode tiles (?provider=gaode), the real "安排报告会" transaction through @sanity/client, and the request
 * timeline (?timeline=…).
 */
import { useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { Card, ThemeProvider } from '@sanity/ui'
import { buildTheme } from '@sanity/ui/theme'
import { createClient } from '@sanity/client'
import type { FormPatch, ObjectInputProps } from 'sanity'
import { LocationInput } from '../../../studio/components/LocationInput'
import { LocationPicker } from '../../../studio/components/LocationPicker'
import { scheduleTalk } from '../../../studio/lib/scheduleTalk'
import type { TalkRequestDoc } from '../../../studio/lib/requestInbox'
import { RequestTimeline } from '../../../studio/components/RequestTimeline'
import { fetchTimelineData, requestTimeline, type TimelineRequest } from '../../../studio/lib/requestTimeline'
import type { GeopointValue } from '#domain/map/value'
import { API_VERSION, PLACEHOLDER_PROJECT_ID } from '#domain/sanity'

declare global {
  interface Window {
    /** Every patch / value the input emitted, in order. */
    __emitted: unknown[]
    __schedule: (apiHost: string, request: TalkRequestDoc, ids: string[], at?: string) => Promise<{ talkId: string }>
  }
}
window.__emitted = []

const params = new URLSearchParams(location.search)
const initial = params.get('value') ? (JSON.parse(params.get('value')!) as GeopointValue) : undefined

function InputHarness() {
  const [value, setValue] = useState<GeopointValue | undefined>(initial)
  // The subset of ObjectInputProps the input reads; onChange applies patches as the form would.
  const props = {
    value,
    readOnly: params.has('readOnly'),
    schemaType: { name: 'geopoint', jsonType: 'object' },
    onChange: (patch: FormPatch) => {
      window.__emitted.push(patch)
      setValue(patch.type === 'set' ? (patch.value as GeopointValue) : undefined)
    },
    renderDefault: () => null,
  } as unknown as ObjectInputProps
  return <LocationInput {...props} />
}

function GaodeHarness() {
  const [value, setValue] = useState<GeopointValue | undefined>(initial)
  return (
    <LocationPicker
      value={value}
      config={{ provider: 'gaode', approval: params.get('approval') ?? undefined }}
      onChange={(v) => {
        window.__emitted.push(v)
        setValue(v ?? undefined)
      }}
    />
  )
}

const testClient = (apiHost: string) =>
  createClient({
    projectId: PLACEHOLDER_PROJECT_ID,
    dataset: 'production',
    apiHost,
    useProjectHostname: false,
    apiVersion: API_VERSION,
    useCdn: false,
    token: 'test-token',
    maxRetries: 0,
  })

/**
 * The request timeline as the Studio's 处理经过 field shows it (?timeline=<request JSON>): its talk and
 * feedback read through @sanity/client from the test's query endpoint, the talk link a plain anchor.
 */
function TimelineHarness({ request }: { request: TimelineRequest }) {
  const [steps, setSteps] = useState<ReturnType<typeof requestTimeline> | null>(null)
  useEffect(() => {
    fetchTimelineData(testClient(location.origin), request.talk?._ref).then(
      (d) => setSteps(requestTimeline(request, d.talk, d.feedback)),
      (e) => setSteps([{ kind: 'received', label: `读取失败：${e.message}` }]),
    )
  }, [request])
  if (!steps) return <p>正在读取…</p>
  return (
    <div data-testid="timeline">
      <RequestTimeline steps={steps} TalkLink={({ talkId, children }) => <a href={`#talk=${talkId}`}>{children}</a>} />
    </div>
  )
}

window.__schedule = (apiHost, request, ids, at) =>
  scheduleTalk(testClient(apiHost), request, { ids }, at ? new Date(at) : undefined)

createRoot(document.getElementById('root')!).render(
  <ThemeProvider theme={buildTheme()}>
    <Card padding={4} style={{ maxWidth: 800 }}>
      {params.has('timeline') ? (
        <TimelineHarness request={JSON.parse(params.get('timeline')!) as TimelineRequest} />
      ) : params.get('provider') === 'gaode' ? (
        <GaodeHarness />
      ) : (
        <InputHarness />
      )}
    </Card>
  </ThemeProvider>,
)
