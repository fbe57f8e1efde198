import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import i18next from 'eslint-plugin-i18next';

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

/** scripts/ uses the tests' world only through its public entry (tests/index.ts and its light half tests/headless.ts); the rest of tests/ is private to the tests. */
const scriptsUseTestsEntry = {
  group: ['**/tests/**', '!**/tests/index', '!**/tests/index.ts', '!**/tests/headless', '!**/tests/headless.ts'],
  message: 'scripts/ may import from tests/ only through tests/index.ts (or its light half tests/headless.ts, for processes that must stay small); add what you need there.',
};

/**
 * Words users see come from the i18n catalogue (electron/contract/i18n): a literal in JSX text, or in an attribute that
 * is read or shown (title, alt, placeholder, aria-*, and the label/hint props of our own controls), fails the lint.
 * The list grows folder by folder as the words move into the catalogue, until it is all of renderer/src.
 */
const wordsFromCatalogue = [
  'renderer/src/App.tsx',
  'renderer/src/settings/**/*.tsx',
  'renderer/src/shell/**/*.tsx',
  'renderer/src/i18n/**/*.tsx',
  'renderer/src/freshness/**/*.tsx',
  'renderer/src/updates/**/*.tsx',
  'renderer/src/receivables/**/*.tsx',
  'renderer/src/invoice-source/**/*.tsx',
  'renderer/src/workspace/**/*.tsx',
  'renderer/src/connections/**/*.tsx',
  'renderer/src/provisioning/**/*.tsx',
  'renderer/src/currency/**/*.tsx',
  'renderer/src/views/**/*.tsx',
  'renderer/src/statements/**/*.tsx',
  'renderer/src/report/**/*.tsx',
  'renderer/src/documents/**/*.tsx',
  'renderer/src/all-connections/**/*.tsx',
];
const noLiteralWords = [
  'error',
  {
    mode: 'jsx-only',
    'jsx-attributes': { include: ['^(title|alt|placeholder|label|hint|aria-label|aria-description|aria-valuetext|aria-roledescription)$'] },
    'should-validate-template': true,
    // Like the plugin's defaults (digits and punctuation alone, CONSTANT_CASE), plus the marks drawn as text:
    // separators (·, —), the close cross, the external-link arrow, sort arrows; and the product's name.
    words: { exclude: ['[0-9!-/:-@[-`{-~\\s·×↗—–▲▼]+', '[A-Z_-]+', 'Budgetly'] },
  },
];

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
      // The hooks rules and v7's React-Compiler rules (immutability, refs, purity, set-state-in-effect …), every warning an error.
      ...Object.fromEntries(Object.keys(reactHooks.configs['recommended-latest'].rules).map((rule) => [rule, 'error'])),
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell], patterns: [electronPattern, rendererBoundary] }],
    },
  },
  {
    files: wordsFromCatalogue,
    plugins: { i18next },
    rules: { 'i18next/no-literal-string': noLiteralWords },
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
