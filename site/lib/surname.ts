/**
 * The surname a seal (印章) stand-in shows for a model worker without a portrait: the first
 * character of the name, or the first two for the common compound surnames (复姓) below. Names
 * outside this convention (e.g. Tibetan 才让卓玛) simply give their first character.
 */
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '令狐',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '轩辕',
  '呼延',
  '澹台',
  '万俟',
  '闻人',
  '百里',
  '东郭',
  '申屠',
  '太史',
  '司空',
  '拓跋',
  '完颜',
  '钟离',
  '单于',
  '濮阳',
  '淳于',
  '赫连',
  '公羊',
])

export function surnameOf(name: string): string {
  // Array.from: by code point, so a character outside the BMP is not cut in half.
  const chars = Array.from(name.trim())
  const two = chars.slice(0, 2).join('')
  return chars.length > 2 && COMPOUND_SURNAMES.has(two) ? two : (chars[0] ?? '')
}
