/** The index of the point nearest to `target` (screen pixels), or -1 when there is none. */
export function nearest(points: readonly { x: number; y: number }[], target: { x: number; y: number }): number {
  let best = -1
  let bestDistance = Infinity
  points.forEach((p, i) => {
    const distance = (p.x - target.x) ** 2 + (p.y - target.y) ** 2
    if (distance < bestDistance) [best, bestDistance] = [i, distance]
  })
  return best
}
