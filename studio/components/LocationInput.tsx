/**
 * The Studio's input for every geopoint (registered by studio/plugins/location.tsx): the
 * Leaflet picker wired to Sanity's form patches. WGS84 in, WGS84 out.
 */
import { set, unset, type ObjectInputProps } from 'sanity'
import { studioMapConfig } from '../env'
import { LocationPicker } from './LocationPicker'
import type { GeopointValue } from '#domain/map/value'

export function LocationInput(props: ObjectInputProps) {
  const { value, onChange, readOnly } = props
  return (
    <LocationPicker
      value={value as GeopointValue | undefined}
      config={studioMapConfig}
      readOnly={readOnly}
      onChange={(point) => onChange(point ? set(point) : unset())}
    />
  )
}

export default LocationInput
