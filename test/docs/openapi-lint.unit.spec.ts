/**
 * Redocly lints docs/openapi.json with the committed redocly.yaml (recommended-strict: every finding is an error):
 * no errors, no warnings.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function lint(): { ok: boolean; said: string } {
  try {
    execFileSync(
      join(ROOT, 'node_modules/.bin/redocly'),
      ['lint', 'docs/openapi.json', '--config', 'redocly.yaml', '--format', 'stylish'],
      {
        cwd: ROOT,
        stdio: 'pipe',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    );
    return { ok: true, said: '' };
  } catch (error) {
    return { ok: false, said: String((error as { stdout?: Buffer }).stdout ?? error) };
  }
}

describe('docs/openapi.json', () => {
  it('passes @redocly/cli lint with redocly.yaml', () => expect(lint()).toEqual({ ok: true, said: '' }), 60_000);
});
