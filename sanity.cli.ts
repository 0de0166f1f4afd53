import { defineCliConfig } from 'sanity/cli'

export default defineCliConfig({
  api: {
    projectId: process.env.SANITY_STUDIO_PROJECT_ID || 'laomo-sample',
    dataset: process.env.SANITY_STUDIO_DATASET || 'production',
  },
  // The Studio is also embedded in the site at /studio; standalone builds go to dist-studio/.
  studioHost: process.env.SANITY_STUDIO_HOST,
  deployment: { autoUpdates: false },
})
