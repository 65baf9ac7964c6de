import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.tmp/', 'src/**/*.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // The core must stay CI-agnostic: only src/action may talk to the Actions runtime.
    files: ['src/oidc/**', 'src/policy/**', 'src/providers/**', 'src/sandbox/**', 'src/cli/**', 'src/util/**', 'src/errors/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@actions/*'], message: 'Only src/action may import @actions/*.' }] }],
    },
  },
);
