/** The run's sizes and the constants every part of it shares. */

export const TOTAL = Number(process.env.RELIABILITY_REQUESTS || 1000)
export const CONCURRENCY = Number(process.env.RELIABILITY_CONCURRENCY || TOTAL + Math.floor(TOTAL / 5))
export const TARGETS = (process.env.RELIABILITY_TARGETS || 'direct,nginx').split(',').map((t) => t.trim())
// The limits are tested elsewhere (tests/deploy, handler tests); here they must not stand in the way.
export const ENV = {
  LAOMO_RATE_LIMIT: '1000000/60',
  LAOMO_ATTEMPT_LIMIT: '1000000/60',
  LAOMO_LOOKUP_LIMIT: '1000000/60',
  // The feedback form is on (scripts/reliability/feedback.ts signs its links with the same secret).
  LAOMO_FEEDBACK_SECRET: 'reliability-feedback-secret-0123456789abcdef',
}
/** Client addresses the load comes from (127.0.0.2 …): teachers at many schools, not one machine. */
export const ADDRESSES = Array.from({ length: 100 }, (_, i) => `127.0.0.${i + 2}`)
export const CJK = /[\u4e00-\u9fff]/
