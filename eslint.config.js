import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noElectron = {
  'no-restricted-imports': [
    'error',
    {
      paths: [{ name: 'electron', message: 'Electron may only be imported in electron/main and electron/preload.' }],
      patterns: [{ group: ['electron/*'], message: 'Electron may only be imported in electron/main and electron/preload.' }],
    },
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', '.vite/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      ...noElectron,
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // jsforce only behind its adapter, so an upgrade of it is checked in one file.
    files: ['electron/**/*.ts'],
    ignores: ['electron/core/salesforce/jsforce-adapter.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...noElectron['no-restricted-imports'][1].paths, { name: 'jsforce', message: 'Use electron/core/salesforce/jsforce-adapter.ts.' }],
          patterns: [...noElectron['no-restricted-imports'][1].patterns, { group: ['jsforce/*'], message: 'Use electron/core/salesforce/jsforce-adapter.ts.' }],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
