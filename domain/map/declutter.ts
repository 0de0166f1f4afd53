/**
 * Where map labels go so none is covered: a label takes the first of its places (right of its dot,
 * then left) that overlaps no obstacle (a talk marker or cluster drawn above it) and no label of
 * higher rank, or is hidden. Pure, on screen boxes: `baseLayers.ts` measures the seat labels on
 * each view and this decides.
 */

/** A box in screen pixels (a DOMRect fits). */
export interface Box {
  left: number
  top: number
  right: number
  bottom: number
}

export interface Label {
  /** The places it may take, in order of preference. */
  places: readonly Box[]
  /** Lower ranks go first: prefecture seats before county seats. */
  rank: number
}

/** Whether two boxes share any area (touching edges do not). */
export const overlaps = (a: Box, b: Box): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

/** Per label (same order): the index of the place it takes, or -1 for hidden. Greedy by rank. */
export function placeLabels(labels: readonly Label[], obstacles: readonly Box[]): number[] {
  const placed: Box[] = []
  const chosen = new Array<number>(labels.length).fill(-1)
  const order = labels.map((_, i) => i).sort((a, b) => labels[a]!.rank - labels[b]!.rank || a - b)
  for (const i of order) {
    const places = labels[i]!.places
    const free = places.findIndex(
      (box) => !obstacles.some((o) => overlaps(box, o)) && !placed.some((p) => overlaps(box, p)),
    )
    if (free < 0) continue
    chosen[i] = free
    placed.push(places[free]!)
  }
  return chosen
}
