/**
 * Caption and alt-text fields' rules, shared by photos and inline figures: both must say
 * something, and the alt text should not just repeat the caption.
 */
import type { StringRule } from 'sanity'
import { altDiffersFromCaption, requiredText } from '#domain/validation'

export const captionValidation = (rule: StringRule) => [
  rule.custom((caption) => requiredText(caption, '请填写图片说明')),
  rule.max(120).warning('图片说明建议不超过 120 字'),
]

export const altValidation = (rule: StringRule) => [
  rule.custom((alt) => requiredText(alt, '请填写替代文字，供视障读者使用')),
  rule
    .custom((alt, ctx) =>
      altDiffersFromCaption(alt as string | undefined, (ctx.parent as { caption?: string } | undefined)?.caption),
    )
    .warning(),
]
