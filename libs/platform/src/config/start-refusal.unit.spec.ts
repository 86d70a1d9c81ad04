import { UnsupportedKurrentDbServerError } from '@ledger/event-store';
import { EXIT_CONFIG } from './ledger-config-or-exit';
import { LedgerConfigError } from './ledger-env.schema';
import { exitOnStartFailure } from './start-refusal';

class Exited extends Error {
  constructor(readonly code: number | string | null | undefined) {
    super(`exit ${code}`);
  }
}

/** What exitOnStartFailure writes and the code it exits with (process.exit and the outputs caught, not run). */
function outcomeOf(error: unknown): { code: unknown; stderr: string; logged: unknown[] } {
  let stderr = '';
  const logged: unknown[] = [];
  const exit = jest.spyOn(process, 'exit').mockImplementation((code) => {
    throw new Exited(code);
  });
  const write = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const log = jest.spyOn(console, 'error').mockImplementation((...args) => logged.push(...args));
  try {
    exitOnStartFailure(error);
    throw new Error('exitOnStartFailure returned');
  } catch (thrown) {
    if (!(thrown instanceof Exited)) throw thrown;
    return { code: thrown.code, stderr, logged };
  } finally {
    exit.mockRestore();
    write.mockRestore();
    log.mockRestore();
  }
}

describe('refusals at start-up', () => {
  it('a KurrentDB server older than 25.1 stops the app with one sentence and exit 78, no stack', () => {
    const { code, stderr, logged } = outcomeOf(new UnsupportedKurrentDbServerError('24.10.0'));
    expect(code).toBe(EXIT_CONFIG);
    expect(stderr).toBe(
      'consortium-ledger: KurrentDB 24.10.0 is not supported: the ledger needs KurrentDB 25.1 or later, whose ' +
        'multi-stream append writes several streams atomically. Upgrade the server; the ledger does not fall back ' +
        'to non-atomic appends.\n',
    );
    expect(logged).toEqual([]);
  });

  it('a wrong variable the same way', () => {
    expect(outcomeOf(new LedgerConfigError('PORT must be 0–65535, not "x"'))).toEqual({
      code: EXIT_CONFIG,
      stderr: 'consortium-ledger: PORT must be 0–65535, not "x"\n',
      logged: [],
    });
  });

  it('anything else is a failure: logged with its stack, exit 1', () => {
    const failure = new Error('connect ECONNREFUSED 127.0.0.1:2113');
    expect(outcomeOf(failure)).toEqual({ code: 1, stderr: '', logged: [failure] });
  });
});
