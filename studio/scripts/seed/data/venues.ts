/**
 * What sample venues are called. Every venue is unnamed ("某…"), so no real school, enterprise or
 * community is credited with an invented event.
 */

/** A prefecture's main industries, for naming its enterprises. */
export const INDUSTRIES: Record<string, string[]> = {
  兰州市: ['机械制造', '轨道交通装备', '生物医药', '物流', '装备制造'],
  嘉峪关市: ['钢铁', '冶金', '光伏'],
  金昌市: ['有色金属', '化工'],
  白银市: ['有色冶炼', '化工', '煤炭'],
  天水市: ['电工电器', '机床制造', '果品加工'],
  武威市: ['食品加工', '酿造', '物流'],
  张掖市: ['种业', '农产品加工', '供电'],
  平凉市: ['煤电', '果品加工', '建材'],
  酒泉市: ['风电装备', '新能源', '农产品加工'],
  庆阳市: ['采油', '能源化工', '农产品加工'],
  定西市: ['马铃薯加工', '中药材加工', '建材'],
  陇南市: ['茶叶加工', '电商物流', '矿产'],
  甘南藏族自治州: ['乳制品', '牧业', '文旅'],
  临夏回族自治州: ['民族食品', '皮革加工', '建材'],
}
/** Counties known for something other than their prefecture's industries. */
export const COUNTY_INDUSTRIES: Record<string, string[]> = {
  西固区: ['石化', '化工'],
  金川区: ['有色金属', '化工'],
  玉门市: ['石油', '风电'],
  瓜州县: ['风电', '光伏'],
  敦煌市: ['文旅', '光热发电'],
  庆城县: ['采油', '天然气'],
  环县: ['采油', '风电'],
  华池县: ['采油', '农产品加工'],
  华亭市: ['煤炭', '煤化工'],
  陇西县: ['中药材加工', '铝冶炼'],
  民勤县: ['蔬菜加工', '林业'],
}
/** Where in an enterprise a talk is held. */
export const ENTERPRISE_ROOMS = ['职工活动中心', '职工培训中心', '职工书屋', '多功能报告厅']
