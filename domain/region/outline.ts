/**
 * The region's outline, on its own so the public map's bundle takes the outline without the
 * county table (`../region.ts`).
 */
export { GANSU_OUTLINE as REGION_OUTLINE, OUTLINE_SOURCE } from './gansu/outline.ts' // the region's data
