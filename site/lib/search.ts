/**
 * The pages the search index reads (`scripts/search-index.ts`): those that carry
 * `data-pagefind-body` (profiles, talks, stories). Reading only them keeps the indexer from parsing
 * the long list pages, which at 50× the sample run to megabytes each and add nothing to the index.
 */
export const SEARCH_PAGES = '{workers,stories,talks}/*/**/*.html'
