import { defineCliConfig } from 'sanity/cli'
import { PLACEHOLDER_PROJECT_ID } from '#domain/sanity'

export default defineCliConfig({
  api: {
    projectId: process.env.SANITY_STUDIO_PROJECT_ID || PLACEHOLDER_PROJECT_ID,
    dataset: process.env.SANITY_STUDIO_DATASET || 'production',
  },
  // The Studio is also embedded in the site at /studio; standalone builds go to dist-studio/.
  studioHost: process.env.SANITY_STUDIO_HOST,
  deployment: { autoUpdates: false },
  // `npm run typegen`: the schema as the Studio defines it (studio/schema.json, required fields
  // non-optional) gives every query in queries.ts its result type.
  typegen: {
    schema: 'studio/schema.json',
    path: './site/lib/content/queries.ts',
    generates: './domain/sanity.types.ts',
    overloadClientMethods: false,
    formatGeneratedCode: true,
  },
})
