/**
 * Gansu's prefecture seats for the map's bundled base layer: names and positions only (WGS84).
 * `./prefectures.ts` holds the same seats with every county; this copy keeps the public map's bundle
 * free of the county table (seats.test.ts checks the two agree).
 */
import type { Seat } from '../types.ts'

export const PREFECTURE_SEATS: readonly Seat[] = [
  ['兰州市', 36.061, 103.834],
  ['嘉峪关市', 39.773, 98.289],
  ['金昌市', 38.52, 102.188],
  ['白银市', 36.545, 104.138],
  ['天水市', 34.581, 105.725],
  ['武威市', 37.928, 102.638],
  ['张掖市', 38.925, 100.45],
  ['平凉市', 35.543, 106.665],
  ['酒泉市', 39.733, 98.494],
  ['庆阳市', 35.709, 107.643],
  ['定西市', 35.581, 104.626],
  ['陇南市', 33.401, 104.922],
  ['临夏回族自治州', 35.601, 103.211],
  ['甘南藏族自治州', 34.983, 102.911],
]
