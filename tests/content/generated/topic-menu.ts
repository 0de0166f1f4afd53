/**
 * Where a 点单 menu topic, and a school worker's menu entries, must show up in a built site — worked out from
 * the documents alone: the all-stages menu and each stage's page, the workers who offer the topic (only those
 * available for schools, and on a stage's page only those who go to it), both booking links, and the form's
 * choice on /schools/. Workers with free tags only are listed under 更多主题.
 */
import type { Doc } from '../../../scripts/content-fixtures/ids.ts'
import { GRADE_BANDS } from '#domain/vocabulary'
import { WORKERS_PER_TOPIC } from '../../../site/components/schools/topic-menu.ts'
import { escapeHtml, hrefs, type Site } from './site.ts'
import { refsOf, slugOf, workerPath } from './urls.ts'

const enc = encodeURIComponent
const menuPath = (stage?: string) => (stage ? `/schools/topics/${enc(stage)}/` : '/schools/topics/')
/** The booking form's address as URLSearchParams writes it (the site's paths.ts contract). */
const booking = (pairs: [string, string][]) => `/schools/?${new URLSearchParams(pairs).toString()}#request`

/** A topic's card on a menu page: from its data-topic-id to the next card or the end of its theme. */
function card(html: string, id: string): string | undefined {
  const start = html.indexOf(`data-topic-id="${escapeHtml(id)}"`)
  if (start < 0) return undefined
  const rest = html.slice(start + 1)
  const ends = [rest.indexOf('data-topic-id="'), rest.indexOf('</section>')].filter((i) => i >= 0)
  return rest.slice(0, ends.length ? Math.min(...ends) : undefined)
}

const goesTo = (w: Doc, stage?: string) => {
  const stages = (w.schoolStages as string[] | undefined) ?? []
  return !stage || stages.length === 0 || stages.includes(stage)
}

export function topicMenuProblems(site: Site, docs: readonly Doc[], t: Doc): string[] {
  const what = `lectureTopic ${t._id} (${t.title})`
  const problems: string[] = []
  const stages = (t.stages as string[] | undefined) ?? []
  const workers = docs.filter((d) => d._type === 'modelWorker' && refsOf(d.lectureTopics).includes(t._id))
  for (const stage of [undefined, ...GRADE_BANDS.map((g) => g.value)]) {
    const page = menuPath(stage)
    const html = site.read(page)
    if (!html) {
      problems.push(`${what}: no page ${page}`)
      continue
    }
    const c = card(html, t._id)
    const belongs = !stage || stages.includes(stage)
    if (!belongs) {
      if (c !== undefined) problems.push(`${what}: ${page} lists it, but its stages are ${stages.join(', ') || 'none'}`)
      continue
    }
    if (c === undefined) {
      problems.push(`${what}: ${page} does not list it`)
      continue
    }
    if (!c.includes(escapeHtml(t.title as string))) problems.push(`${what}: ${page} card lacks its title`)
    if (t.description && !c.includes(escapeHtml(t.description as string)))
      problems.push(`${what}: ${page} card lacks its description`)
    const links = hrefs(c)
    const any = booking([
      ['lectureTopic', t._id],
      ['any', '1'],
    ])
    if (!links.includes(any)) problems.push(`${what}: ${page} has no "按主题预约" link ${any}`)
    const offering = workers.filter((w) => w.availableForSchools === true && goesTo(w, stage))
    // Beyond the card's limit (topic-menu.ts) it names the first by name and counts the rest.
    const named = new Set(
      [...offering]
        .sort((a, b) => String(a.name).localeCompare(String(b.name), 'zh-CN'))
        .slice(0, WORKERS_PER_TOPIC)
        .map((w) => w._id),
    )
    const more = offering.length - named.size
    if (more > 0 && !c.includes(`data-more-workers="${more}"`))
      problems.push(`${what}: ${page} does not say that ${more} more workers offer it`)
    for (const w of workers) {
      const shown = named.has(w._id)
      const ask = booking([
        ['worker', slugOf(w)],
        ['lectureTopic', t._id],
      ])
      if (shown && !(links.includes(workerPath(slugOf(w))) && links.includes(ask)))
        problems.push(`${what}: ${page} does not offer worker ${w._id} (${w.name}) with ${ask}`)
      if (!shown && links.includes(workerPath(slugOf(w))))
        problems.push(`${what}: ${page} lists worker ${w._id} (not for schools, not this stage, or beyond the limit)`)
    }
  }
  const form = site.read('/schools/')
  if (form && !form.includes(`<option value="${escapeHtml(t._id)}"`))
    problems.push(`${what}: the booking form on /schools/ does not offer it`)
  return problems
}

/** A school worker with free tags but no published menu topic: listed under 更多主题 with each tag's booking link. */
export function tagMenuProblems(site: Site, docs: readonly Doc[], w: Doc): string[] {
  if (w.availableForSchools !== true) return []
  const published = new Set(docs.filter((d) => d._type === 'lectureTopic').map((d) => d._id))
  if (refsOf(w.lectureTopics).some((id) => published.has(id))) return []
  const links = hrefs(site.read(menuPath()))
  return ((w.talkTopics as string[] | undefined) ?? [])
    .filter((tag) => tag.trim() !== '')
    .map((tag) =>
      booking([
        ['worker', slugOf(w)],
        ['topic', tag],
      ]),
    )
    .filter((link) => !links.includes(link))
    .map((link) => `modelWorker ${w._id} (${w.name}): /schools/topics/ lacks its tag link ${link} (no menu topic)`)
}

/**
 * A school worker's own menu entries: each published menu topic they give on their profile (进校园点单) and on
 * their /schools/ card, with the booking link for that worker and topic; the stages they declared on the profile.
 */
export function workerMenuProblems(site: Site, docs: readonly Doc[], w: Doc): string[] {
  const what = `modelWorker ${w._id} (${w.name})`
  const profile = workerPath(slugOf(w))
  const html = site.read(profile) ?? ''
  const published = new Map(docs.filter((d) => d._type === 'lectureTopic').map((d) => [d._id, d]))
  const topics = refsOf(w.lectureTopics).flatMap((id) => published.get(id) ?? [])
  if (w.availableForSchools !== true || topics.length === 0)
    return html.includes('data-worker-menu')
      ? [`${what}: ${profile} shows 进校园点单 (not for schools, or no topic)`]
      : []
  const problems: string[] = []
  const schoolsHtml = site.read('/schools/') ?? ''
  const cardStart = schoolsHtml.indexOf(`data-school-worker="${escapeHtml(slugOf(w))}"`)
  const cardHtml = cardStart < 0 ? '' : schoolsHtml.slice(cardStart, schoolsHtml.indexOf('</li>', cardStart))
  for (const t of topics) {
    const ask = booking([
      ['worker', slugOf(w)],
      ['lectureTopic', t._id],
    ])
    if (!html.includes(escapeHtml(t.title as string)) || !hrefs(html).includes(ask))
      problems.push(`${what}: ${profile} lacks menu topic ${t._id} (${t.title}) with ${ask}`)
    if (!hrefs(cardHtml).includes(ask)) problems.push(`${what}: its /schools/ card lacks menu topic ${t._id} (${ask})`)
  }
  const declared = GRADE_BANDS.filter((g) => ((w.schoolStages as string[] | undefined) ?? []).includes(g.value))
  const stages = html.match(/data-worker-stages[^>]*>([^<]*)</)?.[1]
  if (declared.length > 0 && stages !== declared.map((g) => g.title).join('、'))
    problems.push(
      `${what}: ${profile} does not say the stages it declared (${declared.map((g) => g.title).join('、')})`,
    )
  return problems
}
