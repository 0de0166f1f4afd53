// The Sanity CLI and @sanity/astro look for the Studio config at the repository root.
export { default } from './studio/sanity.config'
