// @ts-check
/**
 * The house rules that a linter can hold: typescript-eslint with type information (the project's
 * own tsconfig projects, found per file by the project service), React's hook rules, promises that
 * are never dropped, and the layers of eslint-layers.mjs. Formatting is Prettier's job
 * (.prettierrc.json); no rule here is about layout.
 */
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'
import { layerConfigs } from './eslint-layers.mjs'

export default defineConfig(
  // Generated, installed or downloaded: never ours to lint.
  globalIgnores(['node_modules/**', 'out/**', 'dist/**', '.tools/**', 'test-results/**', 'playwright-report/**', '.vite/**'], 'ignores'),
  {
    name: 'typescript',
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // Each file is checked in the tsconfig project that builds it (tsconfig.json references
        // them all), so lint sees the same types as `tsc -b`.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A promise nobody awaits loses its error; `void` says "on purpose", and a comment says why.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // `tsc` already reports unused locals and parameters (noUnusedLocals/noUnusedParameters).
      '@typescript-eslint/no-unused-vars': 'off',
      // An `async` function without `await` is how a Promise-returning interface is implemented
      // here: it turns a synchronous throw into a rejection, which callers already handle.
      '@typescript-eslint/require-await': 'off',
      // Control characters in regexes are the point: the code reads bytes and text that WSL,
      // PowerShell and Windows print, and strips or rejects NUL, ESC and C0 controls in them.
      'no-control-regex': 'off',
    },
  },
  {
    name: 'tests',
    files: ['**/*.test.ts', '**/*.test.tsx', '**/*.spec.ts'],
    rules: {
      // Vitest's asymmetric matchers (`expect.any`, `expect.stringContaining`) are typed `any`, and
      // tests read `JSON.parse` output to compare it; the assertion is the type check there.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  {
    name: 'dev-tools',
    files: ['electron/dev/**'],
    rules: {
      // Release tooling loads CommonJS-only internals (app-builder-lib) and optional tools
      // installed apart from the project (electronegativity) with `require`.
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    name: 'react-hooks',
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    extends: [reactHooks.configs.flat.recommended],
    rules: {
      // A stale closure is a bug, not a style question.
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    name: 'config-files',
    files: ['*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { process: 'readonly' } },
  },
  ...layerConfigs(),
)
