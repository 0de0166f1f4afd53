/**
 * Replaces Sanity's geopoint input (which needs Google Maps) with the Leaflet picker, for
 * `talk.location` and any other geopoint. Loaded lazily: Leaflet touches `window` on import,
 * and the CLI loads this config in Node (schema validate).
 */
import { lazy, Suspense } from 'react'
import { definePlugin, type InputProps, type ObjectInputProps } from 'sanity'
import { Card, Text } from '@sanity/ui'

const LocationInput = lazy(() => import('../components/LocationInput'))

function isGeopointInput(props: InputProps): props is ObjectInputProps {
  for (let type: InputProps['schemaType'] | undefined = props.schemaType; type; type = type.type) {
    if (type.name === 'geopoint') return true
  }
  return false
}

export const locationInputPlugin = definePlugin({
  name: 'laomo-location-input',
  form: {
    components: {
      input: (props) =>
        isGeopointInput(props) ? (
          <Suspense
            fallback={
              <Card padding={3}>
                <Text size={1}>正在加载地图…</Text>
              </Card>
            }
          >
            <LocationInput {...props} />
          </Suspense>
        ) : (
          props.renderDefault(props)
        ),
    },
  },
})
