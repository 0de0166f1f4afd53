/**
 * What studio/schema.json cannot say about the Studio's validation, written out by hand from
 * studio/schemaTypes/ and domain/validation.ts. `schema extract --enforce-required-fields` only sees
 * `rule.required()`: it misses custom rules that refuse an empty field, and it cannot tell a required rule
 * demoted to a warning (which lets an editor publish) from one that blocks publishing.
 */

export interface RuleNote {
  field: string
  /** Where the rule lives and what it does. */
  why: string
}

/**
 * Fields a custom rule makes required at error level although schema.json lists them as optional:
 * a "minimal" document must carry them or the Studio refuses to publish it.
 */
export const CUSTOM_REQUIRED: Record<string, RuleNote[]> = {
  talk: [
    {
      field: 'speakers',
      why: 'talk.ts speakers: rule.custom(atLeastOneSpeaker) errors with 请至少选择一位宣讲劳模 when the array is absent or empty',
    },
  ],
  photo: [
    {
      field: 'caption',
      why: 'imageText.ts captionValidation: rule.custom(requiredText) errors with 请填写图片说明 (missing or blank)',
    },
    {
      field: 'alt',
      why: 'imageText.ts altValidation: rule.custom(requiredText) errors with 请填写替代文字 (missing or blank)',
    },
  ],
}

/**
 * Conditional custom rules: a minimal document avoids the condition (leaves the trigger field absent), a
 * maximal one satisfies the rule. Listed so nobody "simplifies" the fixtures into content the Studio refuses.
 */
export const CONDITIONAL_RULES: Record<string, RuleNote[]> = {
  photo: [
    {
      field: 'minorsConsent',
      why: 'photo.ts: minorsNeedConsent errors when showsMinors is true and consent is not; minimal leaves showsMinors absent',
    },
  ],
  talk: [{ field: 'endsAt', why: 'talk.ts: endNotBeforeStart errors when endsAt is before startsAt' }],
  dateRange: [{ field: 'end', why: 'dateRange.ts: endNotBeforeStart errors when end is before start' }],
  talkRequest: [
    { field: 'phone', why: 'talkRequest.ts: normaliseMainlandMobile errors unless it is an 11-digit mainland mobile' },
    { field: 'email', why: 'talkRequest.ts: rule.email() errors on a malformed address' },
  ],
  siteSettings: [{ field: 'bookingEmail', why: 'siteSettings.ts: rule.email() errors on a malformed address' }],
  slug: [
    {
      field: 'current',
      why: 'studio/lib/slug.ts (modelWorker, story, tour): characters that break a URL path segment are errors; capitals and Chinese only warnings, so the maximal slugs Zhang-HongMei-2 and 马建国 are publishable',
    },
  ],
}

/**
 * Non-optional in schema.json, but the rule is `rule.required().warning(…)`: the Studio shows a warning and
 * still publishes, so a minimal document leaves the field out.
 */
export const WARNING_ONLY_REQUIRED: Record<string, RuleNote[]> = {
  talk: [
    {
      field: 'location',
      why: 'talk.ts location: rule.required().warning(没有地图位置，这场报告会不会出现在地图上)',
    },
  ],
}

/**
 * Attributes schema.json lists that the Studio never writes for this project, by the `_type` (or named type)
 * of the object holding them; left out of the maximal dataset's "every field is filled" check.
 */
export const NEVER_WRITTEN: (RuleNote & { in: string[] })[] = [
  {
    in: ['image', 'captionedImage'],
    field: 'media',
    why: "a link to Sanity's Media Library, set only when the project uses it (studio/sanity.config.ts does not)",
  },
  {
    in: ['sanity.imageAsset.reference'],
    field: '_weak',
    why: 'asset references are always strong: the Studio never weakens them',
  },
  {
    in: ['slug'],
    field: 'source',
    why: "declared by Sanity's slug type, but the slug input stores only { _type, current }",
  },
]
