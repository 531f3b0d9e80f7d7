// One lint configuration for every workspace; each workspace runs `eslint src test`.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import prettier from 'eslint-config-prettier'

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.tap/**',
      '**/coverage/**',
      '.data/**',
      // Generated from the OpenAPI document, byte for byte (its test compares).
      'packages/client/src/schema.ts'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly'
      }
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'Re-export by explicit names, never `export *`.' }
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['../../*'], message: 'Import other workspaces by package name, not by relative path.' }]
        }
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }]
    }
  },
  {
    // Files one folder down (`src/calls/`, `test/calls/`): `../x.js` is their own workspace,
    // `../../src/...` a test reaching its sources; anything further leaves the workspace.
    files: ['**/src/*/*.ts', '**/test/*/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../../*', '!../../src', '../../../*'],
              message: 'Import other workspaces by package name, not by relative path.'
            }
          ]
        }
      ]
    }
  },
  // Formatting is Prettier's (`.prettierrc.json`, checked by `npm run lint` and `npm test`); no lint rule argues with it.
  prettier
)
