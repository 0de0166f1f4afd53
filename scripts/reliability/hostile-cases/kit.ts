/** What every kind of hostile case is made of: the case itself, and builders that number their bookings. */
import { form, keyOf } from '../bookings.ts'
import { submit, type Answer, type Target } from '../targets.ts'

export interface Hostile {
  name: string
  run(target: Target): Promise<Answer>
  /** Must be refused (4xx); otherwise accepting it (sanitised) is fine too. */
  refuse?: boolean
}

/** Builders sharing one counter, so that each case's booking gets its own number and idempotency key. */
export function caseKit() {
  let n = 0
  const key = () => keyOf('hostile', n++)
  const post = (
    name: string,
    body: () => string | Buffer,
    headers: Record<string, string> = {},
    refuse = false,
  ): Hostile => ({
    name,
    refuse,
    run: (t) => submit(t, body(), headers),
  })
  const withField = (name: string, field: string, value: string, refuse = false) =>
    post(name, () => String(form(n, key(), { [field]: value })), {}, refuse)
  return { n: () => n, key, post, withField }
}
export type Kit = ReturnType<typeof caseKit>
