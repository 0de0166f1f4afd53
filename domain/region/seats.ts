/** The region's prefecture seats, on their own for the public map's bundle (see `./outline.ts`). */
export { PREFECTURE_SEATS } from './gansu/seats.ts' // the region's data
