import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LEDGER_ENV } from '@ledger/platform';

const ROOT = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** Every variable the ledger reads (libs/platform/src/config/ledger-env.schema.ts) is documented where operators look. */
describe('the environment is documented', () => {
  it.each(Object.keys(LEDGER_ENV))('%s: in deploy/consortium-ledger.env.example and README.md', (name) => {
    expect(read('deploy/consortium-ledger.env.example')).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
    expect(read('README.md')).toContain(`\`${name}\``);
  });
});
