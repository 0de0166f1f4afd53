/**
 * Every schema type the Studio knows. Documents are what editors create; objects are
 * building blocks used inside them. Names here are a contract with the site's queries.
 */
import type { SchemaTypeDefinition } from 'sanity'

// Documents
import { lectureTopicType } from './documents/lectureTopic'
import { modelWorkerType } from './documents/modelWorker'
import { pairingType } from './documents/pairing'
import { photoType } from './documents/photo'
import { siteSettingsType } from './documents/siteSettings'
import { storyType } from './documents/story'
import { talkType } from './documents/talk'
import { talkRequestType } from './documents/talkRequest'
import { talkFeedbackType } from './documents/talkFeedback'
import { tourType } from './documents/tour'

// Objects
import { blockContentType } from './objects/blockContent'
import { captionedImageType } from './objects/captionedImage'
import { dateRangeType } from './objects/dateRange'
import { honourType } from './objects/honour'

export const schemaTypes: SchemaTypeDefinition[] = [
  modelWorkerType,
  talkType,
  photoType,
  tourType,
  storyType,
  talkRequestType,
  talkFeedbackType,
  lectureTopicType,
  pairingType,
  siteSettingsType,
  blockContentType,
  captionedImageType,
  dateRangeType,
  honourType,
]

/** Types with exactly one document; the desk shows them as a single item. */
export const SINGLETON_TYPES = new Set(['siteSettings'])
