/**
 * Sample school talk requests, one or two in each state an editor moves them through. Schools,
 * contacts, phones and addresses are fictional and say so ("（示例）", example.org).
 */
import type { GradeBand, RequestStatus } from '#domain/vocabulary'
import type { DayRange } from './calendar.ts'

export interface RequestSpec {
  status: RequestStatus
  receivedAt: string
  school: string
  contactName: string
  email?: string
  preferredWorkers?: string[]
  topic: string
  dates: DayRange[]
  gradeBand: GradeBand
  audienceSize: number
  prefecture: string
  address: string
  notes?: string
  talk?: string
}

/** A request already scheduled as a talk: the rest is taken from that talk (../requests.ts). */
export type ScheduledRequestSpec = Pick<
  RequestSpec,
  'status' | 'receivedAt' | 'contactName' | 'email' | 'audienceSize'
> & {
  fromPlannedSchoolTalk: true
}

export const REQUESTS: (RequestSpec | ScheduledRequestSpec)[] = [
  {
    status: 'new',
    receivedAt: '2026-11-18T02:12:00Z',
    school: '兰州市城关区启明路小学（示例）',
    contactName: '王老师',
    email: 'qiming-school@example.org',
    topic: '劳动教育',
    dates: [
      ['2027-03-08', '2027-03-19'],
      ['2027-04-12', '2027-04-23'],
    ],
    gradeBand: 'primary',
    audienceSize: 600,
    prefecture: '兰州市',
    address: '兰州市城关区某路1号（示例地址）',
    notes: '希望安排在周三下午的班会时间。',
  },
  {
    status: 'new',
    receivedAt: '2026-11-20T07:45:00Z',
    school: '天水市秦州区青禾初级中学（示例）',
    contactName: '李老师',
    preferredWorkers: ['worker-tian-xiuying'],
    topic: '乡村振兴',
    dates: [['2027-04-06', '2027-04-30']],
    gradeBand: 'junior',
    audienceSize: 450,
    prefecture: '天水市',
    address: '天水市秦州区某街2号（示例地址）',
  },
  {
    status: 'contacted',
    receivedAt: '2026-11-05T03:30:00Z',
    school: '白银市平川区星火职业技术学校（示例）',
    contactName: '张主任',
    email: 'xinghuo-vocational@example.org',
    preferredWorkers: ['worker-he-chunhua'],
    topic: '技能成才',
    dates: [
      ['2026-12-07', '2026-12-18'],
      ['2027-03-15', '2027-03-26'],
    ],
    gradeBand: 'vocational',
    audienceSize: 800,
    prefecture: '白银市',
    address: '白银市平川区某路3号（示例地址）',
    notes: '工作人员已电话联系，等待学校确定礼堂档期。',
  },
  {
    status: 'scheduled',
    receivedAt: '2026-10-21T01:05:00Z',
    contactName: '赵老师',
    email: 'school-booking@example.org',
    audienceSize: 900,
    fromPlannedSchoolTalk: true,
  },
  {
    status: 'declined',
    receivedAt: '2026-10-09T09:20:00Z',
    school: '酒泉市肃州区晨曦中学（示例）',
    contactName: '孙老师',
    topic: '爱岗敬业',
    dates: [['2026-10-19', '2026-10-23']],
    gradeBand: 'senior',
    audienceSize: 300,
    prefecture: '酒泉市',
    address: '酒泉市肃州区某巷5号（示例地址）',
    notes: '希望的日期距提交不足两周，当月宣讲行程已满；已电话说明，建议下学期重新预约。',
  },
]
