/**
 * Offline place-name search for the Studio's location input: Gansu's prefectures and their
 * counties/districts from domain/region/gansu/prefectures.ts, plus typed coordinates ("36.06, 103.83").
 */
import { PREFECTURES } from '../region.ts'

export interface Place {
  name: string
  /** Shown under the name, e.g. the prefecture a county belongs to. */
  context: string
  kind: 'prefecture' | 'county' | 'coordinates'
  lat: number
  lng: number
  /** Suggested zoom when jumping there. */
  zoom: number
}

// Longest suffixes first, so 张家川回族自治县 → 张家川 and 临夏回族自治州 → 临夏.
const SUFFIXES = [
  '藏族自治州',
  '回族自治州',
  '回族自治县',
  '藏族自治县',
  '东乡族自治县',
  '保安族东乡族撒拉族自治县',
  '裕固族自治县',
  '哈萨克族自治县',
  '蒙古族自治县',
  '自治州',
  '自治县',
  '市',
  '州',
  '县',
  '区',
]

/** The name people say: 兰州市 → 兰州, 城关区 → 城关, 甘南藏族自治州 → 甘南. */
export function shortName(name: string): string {
  for (const suffix of [...SUFFIXES].sort((a, b) => b.length - a.length)) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) return name.slice(0, -suffix.length)
  }
  return name
}

interface Entry extends Place {
  keys: string[]
}

const ENTRIES: Entry[] = PREFECTURES.flatMap((p) => [
  {
    name: p.name,
    context: '甘肃省',
    kind: 'prefecture' as const,
    lat: p.lat,
    lng: p.lng,
    zoom: 10,
    keys: [p.name, shortName(p.name), p.slug],
  },
  ...p.counties.map((c) => ({
    name: c.name,
    context: p.name,
    kind: 'county' as const,
    lat: c.lat,
    lng: c.lng,
    zoom: 12,
    keys: [c.name, shortName(c.name), `${shortName(p.name)}${c.name}`, `${p.name}${c.name}`],
  })),
])

/** Every place the gazetteer knows (prefectures then their counties). */
export const GAZETTEER: Place[] = ENTRIES.map(({ keys: _keys, ...place }) => place)

/** "36.06, 103.83", "36.06 103.83" or "北纬36.06 东经103.83" (lat first, as written in China). */
export function parseCoordinates(text: string): { lat: number; lng: number } | null {
  const numbers = text.match(/-?\d+(?:\.\d+)?/g)
  if (!numbers || numbers.length !== 2) return null
  if (!/^[\s\d.,，、;；°北纬东经NnEe-]+$/.test(text.trim())) return null
  const [lat, lng] = numbers.map(Number) as [number, number]
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return null
  return { lat, lng }
}

/** Places matching what the editor typed, best first: exact name, then prefix, then substring. */
export function searchPlaces(query: string, limit = 8): Place[] {
  const q = query.trim().replace(/\s+/g, '').toLowerCase()
  if (!q) return []
  const coords = parseCoordinates(query)
  if (coords)
    return [{ name: `${coords.lat}, ${coords.lng}`, context: '经纬度', kind: 'coordinates', zoom: 13, ...coords }]
  const scored: { entry: Entry; score: number; index: number }[] = []
  ENTRIES.forEach((entry, index) => {
    const keys = entry.keys.map((k) => k.toLowerCase())
    let score = 0
    if (keys.includes(q)) score = 3
    else if (keys.some((k) => k.startsWith(q))) score = 2
    else if (keys.some((k) => k.includes(q))) score = 1
    // Prefectures before their namesake districts (e.g. 嘉峪关市 before nothing else; 金昌市 before 金川区).
    if (score) scored.push({ entry, score: score * 2 + (entry.kind === 'prefecture' ? 1 : 0), index })
  })
  return scored
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map(({ entry: { keys: _keys, ...place } }) => place)
}
