/** Debian's Chromium as the browser tests launch it; Lighthouse gets the same flags. */
export { CHROMIUM_ARGS as CHROMIUM_FLAGS, CHROMIUM_PATH, launchBrowser as launchChromium } from '../chromium.ts'
