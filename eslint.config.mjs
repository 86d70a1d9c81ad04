// typescript-eslint, type-checked: no floating promises, no `any` leaking through. Prettier owns the formatting.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', '.build/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Adapters implement asynchronous ports with synchronous drivers (better-sqlite3): `async` without `await` is meant.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // Tests read answers as JSON (a typed client comes with the OpenAPI contract); the rest of the rules hold there too.
    files: [
      '**/*.spec.ts',
      'test/**/*.ts',
      '**/testing/**/*.ts',
      '**/contract/**/*.ts',
      '**/*.fixtures.ts',
      'bench/**/*.ts',
    ],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // Answers are read as JSON until the e2e helpers go through a client typed from the OpenAPI document.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
