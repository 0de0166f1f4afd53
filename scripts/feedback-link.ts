/**
 * Prints a signed feedback link for a talk, on the server that holds the secret (README: After the talk):
 *   LAOMO_FEEDBACK_SECRET=… LAOMO_SITE_URL=https://… node scripts/feedback-link.ts <talk id> [days]
 * For operators without a Sanity project behind the Studio, and for tests. The form still refuses a link
 * to a talk that is not on the site.
 */
import { absoluteUrl, feedbackPath } from '#domain/paths'
import { checkSecret, FEEDBACK_TOKEN_DAYS, signFeedbackToken } from '../site/lib/feedback/token.ts'

const [talkId, days] = process.argv.slice(2)
if (!talkId || !/^[A-Za-z0-9._-]{1,128}$/.test(talkId)) {
  console.error('usage: node scripts/feedback-link.ts <talk id> [days]')
  process.exit(2)
}
let secret: string
try {
  secret = checkSecret(process.env.LAOMO_FEEDBACK_SECRET)
} catch (error) {
  console.error(`LAOMO_FEEDBACK_SECRET: ${(error as Error).message}`)
  process.exit(1)
}
const token = signFeedbackToken(secret, talkId, new Date(), Number(days) || FEEDBACK_TOKEN_DAYS)
console.log(absoluteUrl(feedbackPath(token), process.env.LAOMO_SITE_URL || 'http://127.0.0.1:4321'))
