import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electronOnlyInShell = { name: 'electron', message: 'Electron may only be imported in electron/main and electron/preload.' };
const electronPattern = { group: ['electron/*'], message: 'Electron may only be imported in electron/main and electron/preload.' };

const jsforceOnlyInAdapter = { name: 'jsforce', message: 'Use electron/core/salesforce/jsforce-adapter.ts.' };
const jsforcePattern = { group: ['jsforce/*'], message: 'Use electron/core/salesforce/jsforce-adapter.ts.' };

/** Folder boundaries (DESIGN.md): contract → core → shell → renderer. */
const coreBoundary = {
  group: ['**/main', '**/main/**', '**/preload', '**/preload/**', '**/renderer/**'],
  message: 'The core never imports the Electron shell (electron/main, electron/preload) or the renderer: it depends on ports.',
};
const rendererBoundary = {
  group: ['**/electron/*', '!**/electron/contract', '**/electron/*/**', '!**/electron/contract/**', 'node:*'],
  message: 'The renderer reaches the main process only through window.budgetly: it may import electron/contract, nothing else of electron/.',
};

/** scripts/ uses the tests' world only through its public entry (tests/index.ts); the rest of tests/ is private to the tests. */
const scriptsUseTestsEntry = {
  group: ['**/tests/**', '!**/tests/index', '!**/tests/index.ts'],
  message: 'scripts/ may import from tests/ only through tests/index.ts (the local org, headless sign-in and the headless app); add what you need there.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', '.vite/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell], patterns: [electronPattern] }],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/contract/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnlyInShell], patterns: [electronPattern, coreBoundary] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The classic hooks rules; v7's React-Compiler rules (immutability, refs …) are not adopted yet.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell], patterns: [electronPattern, rendererBoundary] }],
    },
  },
  {
    // jsforce only behind its adapter, so an upgrade of it is checked in one file.
    files: ['electron/core/**/*.ts'],
    ignores: ['electron/core/salesforce/jsforce-adapter.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell, jsforceOnlyInAdapter], patterns: [electronPattern, coreBoundary, jsforcePattern] }],
    },
  },
  {
    files: ['scripts/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnlyInShell], patterns: [electronPattern, scriptsUseTestsEntry] }] },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
