/**
 * The maximal dataset's school feedback (talkFeedback): one approved with every field (counted on its talk's
 * speakers' profiles and on /stats/, its quote shown), one awaiting review (counted nowhere). The comments are
 * private whatever the approval: maximal-extras.ts lists them as hidden text.
 */
import { ref, uuid, type Doc } from './ids.ts'
import { MAXIMAL_IDS } from './maximal-shared.ts'

export const FEEDBACK_IDS = {
  approved: `talkFeedback-${uuid('maximal|feedback-approved').replace(/-/g, '')}`,
  pending: `talkFeedback-${uuid('maximal|feedback-pending').replace(/-/g, '')}`,
}

export function maximalFeedback(): Doc[] {
  return [
    {
      _id: FEEDBACK_IDS.approved,
      _type: 'talkFeedback',
      approved: true,
      talk: ref(MAXIMAL_IDS.heldSchool, { weak: true }),
      rating: 5,
      students: 437,
      gradeBands: ['junior', 'senior'],
      highlights: ['story', 'career', 'interaction'],
      inviteAgain: 'yes',
      comment: '学生反响热烈，班主任说孩子们回家还在讨论。（反馈原文，不应公开）',
      quote: '孩子们第一次这样近距离听劳模讲自己的故事。（可公开摘录，测试数据）',
      receivedAt: '2026-05-02T06:30:12.345Z',
      linkIssuedAt: '2026-04-28T01:00:00.000Z',
    },
    {
      _id: FEEDBACK_IDS.pending,
      _type: 'talkFeedback',
      approved: false,
      talk: ref(MAXIMAL_IDS.heldSchool, { weak: true }),
      rating: 2,
      students: 60,
      gradeBands: ['primary'],
      highlights: ['length'],
      inviteAgain: 'maybe',
      comment: '音响效果不好，后排听不清。（待审核反馈原文，不应公开）',
      receivedAt: '2026-05-03T09:00:00.000Z',
      linkIssuedAt: '2026-04-28T01:00:00.000Z',
    },
  ]
}
