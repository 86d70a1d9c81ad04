import { UnsupportedKurrentDbServerError } from '@ledger/event-store';
import { EXIT_CONFIG } from './ledger-config-or-exit';
import { LedgerConfigError } from './ledger-env.schema';

/**
 * Refusals at start-up that an operator fixes outside the program — a wrong variable, a KurrentDB server older than
 * 25.1 — as one sentence on stderr naming the cause, and exit 78 (systemd's RestartPreventExitStatus=78 and an
 * orchestrator's crash loop both show it; restarting cannot help). Anything else is a failure: its stack, exit 1.
 */
export function isStartRefusal(error: unknown): error is Error {
  return error instanceof LedgerConfigError || error instanceof UnsupportedKurrentDbServerError;
}

/** For the apps' `main().catch(exitOnStartFailure)`. */
export function exitOnStartFailure(error: unknown): never {
  if (isStartRefusal(error)) {
    process.stderr.write(`consortium-ledger: ${error.message}\n`);
    return process.exit(EXIT_CONFIG);
  }
  console.error(error);
  return process.exit(1);
}
