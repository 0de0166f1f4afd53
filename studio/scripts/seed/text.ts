/** Small pieces of Chinese prose shared by talks and stories. */

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/** 1–99 in Chinese numerals: 三, 十二, 二十, 四十五. */
export const chineseNumber = (n: number): string =>
  n <= 10
    ? CHINESE_NUMERALS[n - 1]
    : n < 20
      ? `十${CHINESE_NUMERALS[n - 11]}`
      : `${CHINESE_NUMERALS[Math.floor(n / 10) - 1]}十${n % 10 ? CHINESE_NUMERALS[(n % 10) - 1] : ''}`

/** Speakers' names joined the Chinese way: 张红梅、王建国. */
export const names = (people: readonly { name: string }[]): string => people.map((w) => w.name).join('、')
