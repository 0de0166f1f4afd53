/**
 * The Sanity API version every client in the project asks for (site, Studio, servers, tests), so all of
 * them see the same query semantics and default perspective; and the project id used when none is
 * configured, so the Studio and the site's build still start without a Sanity account.
 */

/** A date pinning the API's behaviour; change it in one place after checking Sanity's changelog. */
export const API_VERSION = '2026-11-01'

/** Syntactically valid, never a real project: no request to it can reach anyone's content. */
export const PLACEHOLDER_PROJECT_ID = 'laomo-sample'
