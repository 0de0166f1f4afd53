/** Debian's Chromium as the browser tests launch it; Lighthouse gets the same flags (FACTS) as a string. */
export { CHROMIUM_PATH, launchBrowser as launchChromium } from '../../tests/browser/harness.ts'

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
