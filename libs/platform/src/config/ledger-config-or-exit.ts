import { ledgerConfigFromEnv, LedgerConfig } from './ledger.config';
import { LedgerConfigError, RawEnv } from './ledger-env.schema';

/** sysexits.h EX_CONFIG: systemd's RestartPreventExitStatus=78 keeps a misconfigured ledger from restarting in a loop. */
export const EXIT_CONFIG = 78;

/**
 * For the apps' `main`: the configuration, or — when a variable is wrong or missing — one sentence on stderr naming it
 * and what it expected, and exit 78 (no stack trace: nothing is wrong with the program).
 */
export function ledgerConfigOrExit(env: RawEnv, defaultPort: number): LedgerConfig {
  try {
    return ledgerConfigFromEnv(env, defaultPort);
  } catch (error) {
    if (!(error instanceof LedgerConfigError)) throw error;
    process.stderr.write(`consortium-ledger: ${error.message}\n`);
    return process.exit(EXIT_CONFIG);
  }
}
