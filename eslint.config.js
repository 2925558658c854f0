// @ts-check
import tseslint from 'typescript-eslint';
import sentraRules from './tools/eslint/no-import-cycle.js';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'console/dist/**', 'coverage/**', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { sentra: sentraRules },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'sentra/no-import-cycle': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
);
