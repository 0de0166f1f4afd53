/**
 * Venue-type symbols: colour AND shape (square / triangle / circle), so the map never relies on
 * colour alone. The same SVG is used for markers, the legend and the list.
 */
import { titleOf, VENUE_TYPES, type VenueType } from '#domain/vocabulary'

const COLOURS: Record<VenueType, string> = { enterprise: '#1f5fa8', school: '#b3151c', community: '#1b7a3e' }

const SHAPES: Record<VenueType, string> = {
  enterprise: '<rect x="3" y="3" width="16" height="16" rx="2"/>',
  school: '<path d="M11 2 L20.5 19 H1.5 Z"/>',
  community: '<circle cx="11" cy="11" r="8.5"/>',
}

/** A 22×22 SVG of the venue type's symbol (decorative: the text beside it names the type). */
export function venueSymbol(type: VenueType, size = 22): string {
  return `<svg class="venue-symbol" width="${size}" height="${size}" viewBox="0 0 22 22" aria-hidden="true" focusable="false"><g fill="${COLOURS[type]}" stroke="#fff" stroke-width="2">${SHAPES[type]}</g></svg>`
}

/** One hidden sprite per page, so long lists reference the symbols instead of repeating them. */
export function venueSymbolSprite(): string {
  const symbols = (Object.keys(SHAPES) as VenueType[]).map(
    (type) =>
      `<symbol id="venue-symbol-${type}" viewBox="0 0 22 22"><g fill="${COLOURS[type]}" stroke="#fff" stroke-width="2">${SHAPES[type]}</g></symbol>`,
  )
  return `<svg width="0" height="0" style="position:absolute" aria-hidden="true" focusable="false">${symbols.join('')}</svg>`
}

/** A reference to the sprite's symbol (needs `venueSymbolSprite()` on the page). */
export function venueSymbolUse(type: VenueType, size = 14): string {
  return `<svg class="venue-symbol" width="${size}" height="${size}" aria-hidden="true" focusable="false"><use href="#venue-symbol-${type}"/></svg>`
}

export const venueTitle = (type: string) => titleOf(VENUE_TYPES, type)
