/**
 * The publish service (`npm run publish:service`): takes Sanity's webhook deliveries, builds the site in
 * the background (into `<root>/.build`, then moved into a new release folder), and switches the served site
 * to it once it passed its check.
 * The site server (`npm run serve` with LAOMO_OUT_DIR=<releases root>/current) follows the switch by itself.
 *
 * Environment (checked at start-up; a bad value exits 1 with a message naming it):
 *   LAOMO_WEBHOOK_SECRET   —            the Sanity webhook's secret (required, ≥ 16 characters)
 *   LAOMO_PUBLISH_HOST     127.0.0.1
 *   LAOMO_PUBLISH_PORT     4322
 *   LAOMO_RELEASES_DIR     releases     releases/<id>/ and the `current` link (inside the repository)
 *   LAOMO_KEEP_RELEASES    5            sealed releases kept for rollback besides the live one
 *   LAOMO_AFTER_SWITCH     —            shell command run after each switch, with LAOMO_RELEASE_DIR set
 *   LAOMO_STUDIO_ORIGINS   http://localhost:3333   origins whose pages may read /status
 * The build itself reads the content settings of `npm run build` (SANITY_*, LAOMO_DATASET, …).
 */
import { createServer } from 'node:http'
import { ConfigError, REPO } from '../config.ts'
import { buildRelease, indexRelease, stopBuilds } from './build.ts'
import { buildWithFastPath, stopFastPath } from './fast.ts'
import { parsePublishConfig, type PublishConfig } from './config.ts'
import type { Queued } from './delivery.ts'
import { createPublisher } from './publisher.ts'
import { createBuildQueue } from './queue.ts'
import { claimRoot, openReleases } from './releases.ts'
import { createPublishHandler } from './service.ts'
import { openStatus } from './status.ts'

function loadConfig(): PublishConfig {
  try {
    return parsePublishConfig(process.env)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    console.error(`laomo publish: ${error.message}`)
    process.exit(1)
  }
}

const config = loadConfig()
// Every build writes the same folder (releases.ts): one service per releases root.
const claimed = claimRoot(config.root)
if (claimed) {
  console.error(`laomo publish: ${claimed}`)
  process.exit(1)
}
const releases = openReleases(config.root)
const status = openStatus(config.root)
// Folders of builds that never finished (the service was stopped or killed mid-build) are never served.
for (const id of releases.prune(config.keep)) console.log(`laomo publish: removed unfinished or old release ${id}`)

const publish = createPublisher({
  releases,
  status,
  // Pages first (the fast path or a build); the search index follows the switch (searchIndex pending → current).
  build: buildWithFastPath(
    REPO,
    releases,
    (line) => console.log(`laomo publish: ${line}`),
    (outDir, env) => buildRelease(REPO, outDir, env, { searchIndex: false }),
  ),
  index: (releaseDir) => indexRelease(REPO, releaseDir),
  keep: config.keep,
  afterSwitch: config.afterSwitch,
  log: (line) => console.log(`laomo publish: ${line}`),
})
const queue = createBuildQueue<Queued>(publish)
// Deliveries accepted before a restart and not yet built; and a first build when nothing is live yet.
for (const queued of status.read().pending) queue.add(queued)
if (!releases.current() && status.read().pending.length === 0)
  queue.add({ key: `first-${Date.now()}`, delivery: { _id: '*', _type: 'release' } })

const handle = createPublishHandler(config, queue, status)
const server = createServer({ headersTimeout: 5_000, requestTimeout: 10_000 }, (req, res) => {
  handle(req, res).catch((error) => {
    console.error(`laomo publish: ${req.method} ${req.url} failed:`, error)
    if (!res.headersSent) res.writeHead(500).end()
    else res.destroy()
  })
})
server.on('error', (error) => {
  console.error(`laomo publish: cannot listen on ${config.host}:${config.port}: ${error.message}`)
  process.exit(1)
})
server.listen(config.port, config.host, () =>
  console.log(
    `laomo publish: listening on http://${config.host}:${config.port} (POST /hooks/publish, GET /status); releases in ${config.root}`,
  ),
)
const stop = () => {
  stopBuilds()
  stopFastPath()
  server.close(() => process.exit(0))
}
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
