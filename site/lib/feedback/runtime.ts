/**
 * The feedback form's settings from the server's environment, read when a request arrives (never at build
 * time). The settings themselves are parsed in token.ts (parseFeedbackConfig), which server/main.ts also
 * runs at start-up, refusing to start with a bad value, so a request never meets one.
 */
import { feedbackStoreFromEnv, type FeedbackStore } from './store'
import { parseFeedbackConfig, type FeedbackConfig } from './token'

let config: FeedbackConfig | undefined
export const feedbackConfig = (env: NodeJS.ProcessEnv = process.env) => (config ??= parseFeedbackConfig(env))

let store: FeedbackStore | undefined
export function feedbackStore(env: NodeJS.ProcessEnv = process.env): FeedbackStore {
  store ??= feedbackStoreFromEnv(env)
  return store
}
