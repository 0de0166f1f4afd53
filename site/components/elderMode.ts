/**
 * 长辈模式 (large-text mode): one class on <html>, set before the first paint by a classic inline script
 * in <head> (the CSP allows it by hash: server/csp.ts hashes every inline script of the build).
 *
 * - JavaScript on: `?mode=elder` / `?mode=standard` or `#elder` in any address choose the mode and keep it
 *   (localStorage); otherwise the kept choice applies. The header's button toggles it (aria-pressed).
 * - JavaScript off: a static page cannot read its query string, so the header offers a link to
 *   `?mode=elder#elder`; elder.css also applies while `#elder` is the page's :target. Its limit: the mode
 *   holds for that page only (the next link drops the fragment).
 */
export const ELDER_CLASS = 'elder'
/** Set by the boot script: elder.css's no-JS rule and the header's link/button swap key on it. */
export const JS_CLASS = 'js'
export const ELDER_TARGET_ID = 'elder'
export const ELDER_STORAGE_KEY = 'laomo-mode'

/**
 * Runs in the browser as written (stringified below): plain ES2020, no imports, no closures over module
 * scope. elder.css is fetched only in the mode (`href`): every page, the map's 80 KB first load among them,
 * stays as light as before for everyone else. While the page is still being parsed, document.write puts the
 * link in the parser's stream, so it blocks the first paint as a written <link> would (no flash, in every
 * browser); a toggle later adds it as an element.
 */
function boot(d: Document, key: string, cls: string, href: string) {
  const root = d.documentElement
  root.classList.add('js')
  let mode: string | null = new URLSearchParams(location.search).get('mode')
  if (location.hash === '#elder') mode = 'elder'
  try {
    if (mode === 'elder' || mode === 'standard') localStorage.setItem(key, mode)
    else mode = localStorage.getItem(key)
  } catch {
    // Storage blocked (private mode, policy): the address still works for this page.
  }
  const load = () => {
    if (d.querySelector('link[data-elder-css]')) return
    const tag = `<link rel="stylesheet" href="${href}" data-elder-css>`
    if (d.readyState === 'loading') d.write(tag)
    else d.head.insertAdjacentHTML('beforeend', tag)
  }
  const set = (on: boolean) => {
    if (on) load()
    root.classList.toggle(cls, on)
    for (const b of d.querySelectorAll('[data-elder-toggle]')) b.setAttribute('aria-pressed', String(on))
  }
  set(mode === 'elder')
  d.addEventListener('DOMContentLoaded', () => set(root.classList.contains(cls)))
  d.addEventListener('click', (event) => {
    const button = (event.target as Element).closest?.('[data-elder-toggle]')
    if (!button) return
    const on = !root.classList.contains(cls)
    set(on)
    try {
      localStorage.setItem(key, on ? 'elder' : 'standard')
    } catch {
      // As above: the mode holds until the page is left.
    }
  })
}

/** The boot script for <head>, given elder.css's built address; indentation dropped (every page carries it). */
export const elderBootScript = (href: string) =>
  `(${boot.toString().replace(/\n\s+/g, '\n')})(document,${JSON.stringify(ELDER_STORAGE_KEY)},${JSON.stringify(ELDER_CLASS)},${JSON.stringify(href)})`
