// Not `astro:content`: content sync would load Astro's whole render runtime to read this file.
import { defineCollection } from 'astro/content/config'
import { groqLoader, settingsLoader } from './lib/content/loader'
import { feedbackEntrySchema, feedbackLoader } from './lib/content/feedback'
import { pairingsLoader } from './lib/content/pairings-loader'
import {
  normalisePhoto,
  normaliseStory,
  normaliseTalk,
  normaliseTopic,
  normaliseTour,
  normaliseWorker,
} from './lib/content/normalise'
import {
  LECTURE_TOPICS_QUERY,
  PHOTOS_QUERY,
  STORIES_QUERY,
  TALKS_QUERY,
  TOURS_QUERY,
  WORKERS_QUERY,
} from './lib/content/queries'
import {
  lectureTopicSchema,
  oncePerCollection,
  pairingSchema,
  photoSchema,
  settingsSchema,
  storySchema,
  talkSchema,
  tourSchema,
  workerSchema,
} from './lib/content/schemas'

const workers = defineCollection({
  loader: groqLoader({ name: 'workers', query: WORKERS_QUERY, normalise: normaliseWorker }),
  schema: oncePerCollection(workerSchema),
})

const talks = defineCollection({
  loader: groqLoader({ name: 'talks', query: TALKS_QUERY, normalise: normaliseTalk }),
  schema: talkSchema,
})

const photos = defineCollection({
  loader: groqLoader({ name: 'photos', query: PHOTOS_QUERY, normalise: normalisePhoto }),
  schema: oncePerCollection(photoSchema),
})

const tours = defineCollection({
  loader: groqLoader({ name: 'tours', query: TOURS_QUERY, normalise: normaliseTour }),
  schema: tourSchema,
})

const stories = defineCollection({
  loader: groqLoader({ name: 'stories', query: STORIES_QUERY, normalise: normaliseStory }),
  schema: oncePerCollection(storySchema),
})

/** The 点单 menu's topics (/schools/topics/). */
const topics = defineCollection({
  loader: groqLoader({ name: 'topics', query: LECTURE_TOPICS_QUERY, normalise: normaliseTopic }),
  schema: lectureTopicSchema,
})

const pairings = defineCollection({
  loader: pairingsLoader(),
  schema: pairingSchema,
})

const settings = defineCollection({
  loader: settingsLoader(),
  schema: ({ image }) => settingsSchema(image),
})

// Approved school feedback after talks, counted on profiles and /stats/ (site/lib/feedback/aggregate.ts).
const feedback = defineCollection({ loader: feedbackLoader(), schema: feedbackEntrySchema })

export const collections = { workers, talks, photos, tours, stories, topics, pairings, settings, feedback }
