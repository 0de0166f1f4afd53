/**
 * The desk, as data: which lists editors see and the GROQ filter behind each. The Studio's
 * structure (studio/structure.ts) renders this tree; tests run every filter through groq-js
 * against the sample dataset.
 */
import { PREFECTURES } from '#domain/region'
import { HONOUR_LEVELS, LECTURE_THEMES, REQUEST_STATUSES, VENUE_TYPES } from '#domain/vocabulary'

export interface Ordering {
  field: string
  direction: 'asc' | 'desc'
}

/** A list of documents of one type matching a GROQ filter (`*[<filter>]`). */
export interface DeskList {
  kind: 'list'
  id: string
  title: string
  schemaType: string
  filter: string
  params?: Record<string, string>
  ordering?: Ordering[]
  /** Initial value templates offered by the list's "create" button (ids from templates.ts). */
  templates?: string[]
}

/** A folder of further lists. */
export interface DeskGroup {
  kind: 'group'
  id: string
  title: string
  /** Icon name the structure maps to a @sanity/icons component. */
  schemaType?: string
  children: DeskNode[]
}

/** A single document edited in place (no list, no "create new"). */
export interface DeskSingleton {
  kind: 'singleton'
  id: string
  title: string
  schemaType: string
  documentId: string
}

/** Pick a document of `parentType`, then see the list `childList(id)` (e.g. a worker's talks). */
export interface DeskPerDocument {
  kind: 'perDocument'
  id: string
  title: string
  parentType: string
  parentOrdering?: Ordering[]
  childList: (parentId: string) => DeskList
}

export type DeskNode = DeskList | DeskGroup | DeskSingleton | DeskPerDocument

const byStart: Ordering[] = [{ field: 'startsAt', direction: 'desc' }]
const byStartAsc: Ordering[] = [{ field: 'startsAt', direction: 'asc' }]
const byName: Ordering[] = [{ field: 'name', direction: 'asc' }]
const byReceived: Ordering[] = [{ field: 'receivedAt', direction: 'desc' }]
const bySince: Ordering[] = [{ field: 'since', direction: 'desc' }]

const list = (
  id: string,
  title: string,
  schemaType: string,
  condition: string | null,
  extra: Partial<DeskList> = {},
): DeskList => ({
  kind: 'list',
  id,
  title,
  schemaType,
  filter: condition ? `_type == "${schemaType}" && (${condition})` : `_type == "${schemaType}"`,
  ...extra,
})

const group = (id: string, title: string, children: DeskNode[], schemaType?: string): DeskGroup => ({
  kind: 'group',
  id,
  title,
  children,
  ...(schemaType ? { schemaType } : {}),
})

/** One list per prefecture (ids `<prefix>-prefecture-<slug>`). */
const byPrefecture = (prefix: string, schemaType: string, ordering: Ordering[]): DeskGroup =>
  group(
    `${prefix}-by-prefecture`,
    '按市州',
    PREFECTURES.map((p) =>
      list(`${prefix}-prefecture-${p.slug}`, p.name, schemaType, 'prefecture == $prefecture', {
        params: { prefecture: p.name },
        ordering,
      }),
    ),
  )

/** A talk is upcoming when planned and not yet started (the site's rule, see site/lib/site.ts). */
export const UPCOMING_TALK = 'status == "planned" && startsAt > now()'
export const MISSING_LOCATION = '!defined(location.lat) || !defined(location.lng)'
export const HELD_WITHOUT_PHOTOS = 'status == "held" && count(coalesce(photos, [])) == 0'
export const MISSING_CAPTION_OR_ALT = '!defined(caption) || length(caption) == 0 || !defined(alt) || length(alt) == 0'
export const MINORS_WITHOUT_CONSENT = 'showsMinors == true && minorsConsent != true'
/** A pairing has ended once its last day (`until`, a date) is over in Beijing (00:00 +08:00 is 16:00Z). */
export const PAIRING_ENDED = 'defined(until) && dateTime(until + "T16:00:00Z") <= dateTime(now())'

export const DESK: DeskNode[] = [
  group(
    'workers',
    '劳模',
    [
      list('workers-all', '全部劳模', 'modelWorker', null, { ordering: byName }),
      byPrefecture('workers', 'modelWorker', byName),
      group(
        'workers-by-honour',
        '按荣誉级别',
        HONOUR_LEVELS.map((h) =>
          list(`workers-honour-${h.value}`, `${h.title}劳模`, 'modelWorker', '$level in honours[].level', {
            params: { level: h.value },
            ordering: byName,
          }),
        ),
      ),
      list('workers-schools', '可进校园宣讲', 'modelWorker', 'availableForSchools == true', { ordering: byName }),
    ],
    'modelWorker',
  ),
  group(
    'talks',
    '报告会',
    [
      list('talks-upcoming', '即将举行', 'talk', UPCOMING_TALK, { ordering: byStartAsc }),
      list('talks-all', '全部报告会', 'talk', null, { ordering: byStart }),
      group(
        'talks-by-venue',
        '按场地类型',
        VENUE_TYPES.map((v) =>
          list(`talks-venue-${v.value}`, v.title, 'talk', 'venueType == $venueType', {
            params: { venueType: v.value },
            ordering: byStart,
          }),
        ),
      ),
      byPrefecture('talks', 'talk', byStart),
      {
        kind: 'perDocument',
        id: 'talks-by-worker',
        title: '按劳模',
        parentType: 'modelWorker',
        parentOrdering: byName,
        childList: (id) => workerTalksList(id),
      },
      group('talks-todo', '待补充', [
        list('talks-missing-location', '缺少地图位置', 'talk', MISSING_LOCATION, { ordering: byStart }),
        list('talks-missing-photos', '已举办但缺少照片', 'talk', HELD_WITHOUT_PHOTOS, { ordering: byStart }),
      ]),
    ],
    'talk',
  ),
  group(
    'photos',
    '图片',
    [
      list('photos-all', '全部图片', 'photo', null, { ordering: [{ field: 'takenAt', direction: 'desc' }] }),
      list('photos-missing-caption', '缺少说明或替代文字', 'photo', MISSING_CAPTION_OR_ALT),
      list('photos-missing-consent', '未成年人照片缺少同意', 'photo', MINORS_WITHOUT_CONSENT),
      {
        kind: 'perDocument',
        id: 'photos-by-talk',
        title: '按报告会',
        parentType: 'talk',
        parentOrdering: byStart,
        childList: (id) => talkPhotosList(id),
      },
    ],
    'photo',
  ),
  list('stories', '报道', 'story', null, { ordering: [{ field: 'publishedAt', direction: 'desc' }] }),
  list('tours', '巡回宣讲', 'tour', null),
  group(
    'lecture-topics',
    '宣讲主题（点单）',
    [
      list('lecture-topics-all', '全部主题', 'lectureTopic', null, {
        ordering: [{ field: 'title', direction: 'asc' }],
      }),
      list('lecture-topics-no-stage', '缺少适合学段', 'lectureTopic', 'count(coalesce(stages, [])) == 0'),
      group(
        'lecture-topics-by-theme',
        '按主题类别',
        LECTURE_THEMES.map((t) =>
          list(`lecture-topics-theme-${t.value}`, t.title, 'lectureTopic', 'theme == $theme', {
            params: { theme: t.value },
          }),
        ),
      ),
    ],
    'lectureTopic',
  ),
  group(
    'requests',
    '预约申请',
    [
      list('requests-new', '新申请', 'talkRequest', 'status == "new"', { ordering: byReceived }),
      list('requests-all', '全部申请（最新在前）', 'talkRequest', null, { ordering: byReceived }),
      group(
        'requests-by-status',
        '按状态',
        REQUEST_STATUSES.map((s) =>
          list(`requests-status-${s.value}`, s.title, 'talkRequest', 'status == $status', {
            params: { status: s.value },
            ordering: byReceived,
          }),
        ),
      ),
    ],
    'talkRequest',
  ),
  group(
    'feedback',
    '报告会反馈',
    [
      list('feedback-pending', '待审核反馈', 'talkFeedback', 'approved != true', { ordering: byReceived }),
      list('feedback-approved', '已公开反馈', 'talkFeedback', 'approved == true', { ordering: byReceived }),
    ],
    'talkFeedback',
  ),
  group(
    'pairings',
    '结对',
    [
      list('pairings-all', '全部结对', 'pairing', null, { ordering: bySince }),
      list('pairings-current', '进行中', 'pairing', `!(${PAIRING_ENDED})`, { ordering: bySince }),
      list('pairings-ended', '已结束', 'pairing', PAIRING_ENDED, { ordering: bySince }),
      list('pairings-hidden', '未在网站显示', 'pairing', 'showOnSite != true', { ordering: bySince }),
    ],
    'pairing',
  ),
  { kind: 'singleton', id: 'siteSettings', title: '站点设置', schemaType: 'siteSettings', documentId: 'siteSettings' },
]

/** Every list in the tree, depth first (for tests and lookups). */
export function allLists(nodes: DeskNode[] = DESK): DeskList[] {
  return nodes.flatMap((n) => (n.kind === 'list' ? [n] : n.kind === 'group' ? allLists(n.children) : []))
}

/** Under a worker: the talks they speak at, with "new talk for this worker" (speakers prefilled). */
export function workerTalksList(workerId: string): DeskList {
  return list(`worker-talks-${workerId}`, '此劳模的报告会', 'talk', '$workerId in speakers[]._ref', {
    params: { workerId },
    ordering: byStart,
    templates: ['talk-for-worker'],
  })
}

/** Under a talk: its photos, with "new photo for this talk" (talk and people prefilled). */
export function talkPhotosList(talkId: string): DeskList {
  return list(`talk-photos-${talkId}`, '此报告会的图片', 'photo', 'talk._ref == $talkId', {
    params: { talkId },
    templates: ['photo-for-talk'],
  })
}
