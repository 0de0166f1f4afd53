/**
 * Gansu's administrative geography, shared by the Studio (validation, options)
 * and the site (filters, map labels). Names follow the official lists.
 * Coordinates are WGS84 [lat, lng] of each seat, rounded to ~100 m.
 */

export interface County {
  name: string
  lat: number
  lng: number
}

export interface Prefecture {
  name: string
  /** Pinyin slug for URLs and calendar file names. */
  slug: string
  lat: number
  lng: number
  counties: County[]
}

const c = (name: string, lat: number, lng: number): County => ({ name, lat, lng })

export const PREFECTURES: Prefecture[] = [
  {
    name: '兰州市',
    slug: 'lanzhou',
    lat: 36.061,
    lng: 103.834,
    counties: [
      c('城关区', 36.057, 103.841),
      c('七里河区', 36.066, 103.786),
      c('西固区', 36.088, 103.628),
      c('安宁区', 36.104, 103.719),
      c('红古区', 36.345, 102.859),
      c('永登县', 36.736, 103.26),
      c('皋兰县', 36.332, 103.945),
      c('榆中县', 35.843, 104.113),
    ],
  },
  {
    name: '嘉峪关市',
    slug: 'jiayuguan',
    lat: 39.773,
    lng: 98.289,
    counties: [c('雄关区', 39.772, 98.277), c('镜铁区', 39.806, 98.297), c('长城区', 39.748, 98.268)],
  },
  {
    name: '金昌市',
    slug: 'jinchang',
    lat: 38.52,
    lng: 102.188,
    counties: [c('金川区', 38.521, 102.194), c('永昌县', 38.243, 101.972)],
  },
  {
    name: '白银市',
    slug: 'baiyin',
    lat: 36.545,
    lng: 104.138,
    counties: [
      c('白银区', 36.535, 104.149),
      c('平川区', 36.728, 104.825),
      c('靖远县', 36.571, 104.676),
      c('会宁县', 35.692, 105.053),
      c('景泰县', 37.183, 104.063),
    ],
  },
  {
    name: '天水市',
    slug: 'tianshui',
    lat: 34.581,
    lng: 105.725,
    counties: [
      c('秦州区', 34.581, 105.724),
      c('麦积区', 34.57, 105.89),
      c('清水县', 34.75, 106.137),
      c('秦安县', 34.859, 105.674),
      c('甘谷县', 34.745, 105.34),
      c('武山县', 34.722, 104.891),
      c('张家川回族自治县', 34.988, 106.204),
    ],
  },
  {
    name: '武威市',
    slug: 'wuwei',
    lat: 37.928,
    lng: 102.638,
    counties: [
      c('凉州区', 37.928, 102.642),
      c('民勤县', 38.624, 103.093),
      c('古浪县', 37.47, 102.897),
      c('天祝藏族自治县', 36.971, 103.142),
    ],
  },
  {
    name: '张掖市',
    slug: 'zhangye',
    lat: 38.925,
    lng: 100.45,
    counties: [
      c('甘州区', 38.929, 100.478),
      c('肃南裕固族自治县', 38.836, 99.615),
      c('民乐县', 38.43, 100.812),
      c('临泽县', 39.152, 100.164),
      c('高台县', 39.378, 99.819),
      c('山丹县', 38.784, 101.088),
    ],
  },
  {
    name: '平凉市',
    slug: 'pingliang',
    lat: 35.543,
    lng: 106.665,
    counties: [
      c('崆峒区', 35.542, 106.675),
      c('泾川县', 35.333, 107.367),
      c('灵台县', 35.066, 107.617),
      c('崇信县', 35.302, 107.035),
      c('庄浪县', 35.202, 106.036),
      c('静宁县', 35.522, 105.733),
      c('华亭市', 35.218, 106.653),
    ],
  },
  {
    name: '酒泉市',
    slug: 'jiuquan',
    lat: 39.733,
    lng: 98.494,
    counties: [
      c('肃州区', 39.745, 98.508),
      c('金塔县', 39.983, 98.903),
      c('瓜州县', 40.52, 95.782),
      c('肃北蒙古族自治县', 39.512, 94.877),
      c('阿克塞哈萨克族自治县', 39.634, 94.34),
      c('玉门市', 40.292, 97.045),
      c('敦煌市', 40.142, 94.662),
    ],
  },
  {
    name: '庆阳市',
    slug: 'qingyang',
    lat: 35.709,
    lng: 107.643,
    counties: [
      c('西峰区', 35.731, 107.651),
      c('庆城县', 36.016, 107.882),
      c('环县', 36.568, 107.308),
      c('华池县', 36.461, 107.99),
      c('合水县', 35.819, 108.019),
      c('正宁县', 35.492, 108.36),
      c('宁县', 35.502, 107.928),
      c('镇原县', 35.677, 107.2),
    ],
  },
  {
    name: '定西市',
    slug: 'dingxi',
    lat: 35.581,
    lng: 104.626,
    counties: [
      c('安定区', 35.58, 104.611),
      c('通渭县', 35.211, 105.242),
      c('陇西县', 35.004, 104.634),
      c('渭源县', 35.136, 104.215),
      c('临洮县', 35.395, 103.859),
      c('漳县', 34.848, 104.471),
      c('岷县', 34.438, 104.036),
    ],
  },
  {
    name: '陇南市',
    slug: 'longnan',
    lat: 33.401,
    lng: 104.922,
    counties: [
      c('武都区', 33.392, 104.926),
      c('成县', 33.75, 105.742),
      c('文县', 32.943, 104.683),
      c('宕昌县', 34.047, 104.393),
      c('康县', 33.329, 105.609),
      c('西和县', 34.014, 105.299),
      c('礼县', 34.189, 105.178),
      c('徽县', 33.769, 106.087),
      c('两当县', 33.909, 106.304),
    ],
  },
  {
    name: '临夏回族自治州',
    slug: 'linxia',
    lat: 35.601,
    lng: 103.211,
    counties: [
      c('临夏市', 35.604, 103.243),
      c('临夏县', 35.492, 102.995),
      c('康乐县', 35.37, 103.708),
      c('永靖县', 35.938, 103.285),
      c('广河县', 35.488, 103.569),
      c('和政县', 35.425, 103.35),
      c('东乡族自治县', 35.664, 103.389),
      c('积石山保安族东乡族撒拉族自治县', 35.717, 102.875),
    ],
  },
  {
    name: '甘南藏族自治州',
    slug: 'gannan',
    lat: 34.983,
    lng: 102.911,
    counties: [
      c('合作市', 34.985, 102.91),
      c('临潭县', 34.693, 103.353),
      c('卓尼县', 34.589, 103.507),
      c('舟曲县', 33.785, 104.372),
      c('迭部县', 34.056, 103.221),
      c('玛曲县', 33.998, 102.073),
      c('碌曲县', 34.59, 102.488),
      c('夏河县', 35.2, 102.521),
    ],
  },
]

export const PREFECTURE_NAMES: string[] = PREFECTURES.map((p) => p.name)

export function findPrefecture(name: string | undefined | null): Prefecture | undefined {
  return PREFECTURES.find((p) => p.name === name)
}

/** Gansu's bounding box (WGS84), generous by ~0.1°: a cheap first check for "is this in Gansu". */
export const GANSU_BOUNDS = { minLat: 32.0, maxLat: 42.9, minLng: 92.1, maxLng: 108.8 } as const

export function isInGansuBounds(lat: number, lng: number): boolean {
  return (
    lat >= GANSU_BOUNDS.minLat && lat <= GANSU_BOUNDS.maxLat && lng >= GANSU_BOUNDS.minLng && lng <= GANSU_BOUNDS.maxLng
  )
}
