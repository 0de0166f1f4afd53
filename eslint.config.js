import eslintPluginAstro from 'eslint-plugin-astro'
import tseslint from 'typescript-eslint'

export default [
  { ignores: ['dist/', 'dist-*/', '.astro/', 'node_modules/', 'studio/seed/', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  ...eslintPluginAstro.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The layers: domain/ stands alone; site/ and studio/ stand on it and never on each other.
    files: ['domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/site/**', '**/studio/**', '**/server/**', '**/scripts/**', '**/tests/**'],
              message: 'domain/ imports nothing outside domain/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['site/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/studio/**'],
              message: 'The site does not import the Studio; shared code belongs in domain/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['studio/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/site/**'], message: 'The Studio does not import the site; shared code belongs in domain/.' },
          ],
        },
      ],
    },
  },
  {
    // Content sync loads this file through a Vite module runner on every build; `astro:content`
    // would pull Astro's whole render runtime into it (~80 modules, ~0.6 s per publish).
    files: ['site/content.config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'astro:content', message: "Import defineCollection from 'astro/content/config'." }],
          patterns: [
            {
              group: ['**/studio/**'],
              message: 'The site does not import the Studio; shared code belongs in domain/.',
            },
          ],
        },
      ],
    },
  },
]
