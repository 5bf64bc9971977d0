import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noCrossLayer = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.data/**', '**/coverage/**', '**/*.cjs', 'apps/web/e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.spec.ts', '**/testing/**/*.ts', '**/e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // Module boundaries (house style): contracts depend on nothing; the workflow is pure; web never imports the api.
  { files: ['libs/contracts/**/*.ts'], rules: noCrossLayer([{ group: ['@vetted/*', '@nestjs/*', 'typeorm', 'react'], message: 'contracts depend on zod only' }]) },
  {
    files: ['libs/workflow/**/*.ts'],
    rules: noCrossLayer([{ group: ['@nestjs/*', 'typeorm', 'pg', 'minio', 'react', 'node:fs', '@vetted/api', '@vetted/dev-infra'], message: 'the workflow lib is pure: no I/O, no framework' }]),
  },
  { files: ['apps/web/**/*.{ts,tsx}'], rules: noCrossLayer([{ group: ['@vetted/api', '**/apps/api/**', '@nestjs/*', 'typeorm'], message: 'the web talks to the API over HTTP only' }]) },
);
