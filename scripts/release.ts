/**
 * The releases the publish service keeps, by hand (`npm run release -- <command>`):
 *
 *   list                 the sealed releases, newest last, the live one marked
 *   rollback             serve the release before the live one again
 *   publish [id type]    send the service a signed delivery, as Sanity's webhook would (a local trigger:
 *                        with the local dataset, after editing studio/seed/data.ndjson by hand)
 *
 * Reads LAOMO_RELEASES_DIR, and for `publish` LAOMO_WEBHOOK_SECRET, LAOMO_PUBLISH_HOST/PORT.
 */
import { randomUUID } from 'node:crypto'
import { encodeSignatureHeader, SIGNATURE_HEADER_NAME } from '@sanity/webhook'
import path from 'node:path'
import { REPO } from '../server/config.ts'
import { openReleases, previousRelease } from '../server/publish/releases.ts'

const [command, ...rest] = process.argv.slice(2)
const releases = openReleases(path.resolve(REPO, process.env.LAOMO_RELEASES_DIR?.trim() || 'releases'))

if (command === 'list') {
  const live = releases.current()
  for (const r of releases.list())
    console.log(
      `${r.id === live ? '*' : ' '} ${r.id}  ${r.pages} pages  ${r.warnings.length} warning(s)  ${r.finishedAt}`,
    )
  if (!live) console.log('(nothing is live yet)')
} else if (command === 'rollback') {
  const previous = previousRelease(releases)
  if (!previous) {
    console.error('release: there is no earlier release to go back to')
    process.exit(1)
  }
  const was = releases.current()
  releases.switchTo(previous)
  console.log(`release: now serving ${previous} (was ${was})`)
} else if (command === 'publish') {
  const [id = '*', type = 'release'] = rest
  const secret = process.env.LAOMO_WEBHOOK_SECRET?.trim()
  if (!secret) {
    console.error('release: set LAOMO_WEBHOOK_SECRET to the publish service’s secret')
    process.exit(2)
  }
  const body = JSON.stringify({ _id: id, _type: type, operation: 'update' })
  const url = `http://${process.env.LAOMO_PUBLISH_HOST || '127.0.0.1'}:${process.env.LAOMO_PUBLISH_PORT || 4322}/hooks/publish`
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
      [SIGNATURE_HEADER_NAME]: await encodeSignatureHeader(body, Date.now(), secret),
    },
    body,
  })
  console.log(`release: ${response.status} ${await response.text()}`)
  process.exit(response.ok ? 0 : 1)
} else {
  console.error('usage: npm run release -- list | rollback | publish [documentId type]')
  process.exit(2)
}
