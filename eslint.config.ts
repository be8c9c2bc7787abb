// Type-aware lint for the whole repo, with per-folder import boundaries:
// no `electron` in main's layers (infrastructure/domain/db/twilio/ipc/services) or shared, no node or electron in
// the renderer.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { electronSecurityConfigs } from './tools/eslint/electron-security.ts';
import { layerConfigs } from './tools/eslint/layers.ts';

const NODE_BUILTINS = ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'stream'];
const noNodeOrElectron = [
  { name: 'electron', message: 'The renderer talks to main only through window.gleam.' },
  ...NODE_BUILTINS.flatMap((name) => [
    { name, message: 'The renderer runs sandboxed: no Node modules.' },
    { name: `node:${name}`, message: 'The renderer runs sandboxed: no Node modules.' },
  ]),
];

export default defineConfig(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/', '.cache/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Playwright fixtures that use no other fixture must still destructure their first argument.
      'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }],
    },
  },
  ...electronSecurityConfigs,
  ...layerConfigs,
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // This rule warns that the React Compiler would skip memoizing components using libraries such as
      // @tanstack/react-virtual; the app does not use the compiler, so the warning changes nothing.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': ['error', { paths: noNodeOrElectron }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: noNodeOrElectron }] },
  },
  {
    files: ['electron/main/{infrastructure,domain,db,twilio,ipc,services}/**/*.ts', 'electron/main/core.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Only electron/main/adapters (and the window/app shell) import electron.' },
          ],
        },
      ],
    },
  },
);
