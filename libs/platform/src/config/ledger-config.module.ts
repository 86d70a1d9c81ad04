import { DynamicModule } from '@nestjs/common';
import { ConfigModule, ConfigService, registerAs } from '@nestjs/config';
import { LEDGER_CONFIG, LedgerConfig } from './ledger.config';

/** The namespace of the ledger's configuration in @nestjs/config: `ConfigService<LedgerConfigNamespace, true>`. */
export const LEDGER_CONFIG_NAMESPACE = 'ledger';
export interface LedgerConfigNamespace {
  [LEDGER_CONFIG_NAMESPACE]: LedgerConfig;
}

/**
 * @nestjs/config holding the one LedgerConfig, validated before the app is built (ledger-env.schema.ts): the app reads
 * it from the container (`ConfigService` or LEDGER_CONFIG), never from process.env, so two apps in one process (the
 * tests) each read their own. No .env file is read: the environment is the service manager's (systemd EnvironmentFile).
 */
export function ledgerConfigModule(config: LedgerConfig): Promise<DynamicModule> {
  return ConfigModule.forRoot({
    isGlobal: true,
    ignoreEnvFile: true,
    validatePredefined: false,
    skipProcessEnv: true,
    load: [registerAs(LEDGER_CONFIG_NAMESPACE, () => config)],
  });
}

/** LEDGER_CONFIG: the configuration as @nestjs/config holds it. */
export const ledgerConfigProvider = {
  provide: LEDGER_CONFIG,
  inject: [ConfigService],
  useFactory: (configs: ConfigService<LedgerConfigNamespace, true>): LedgerConfig =>
    configs.get(LEDGER_CONFIG_NAMESPACE, { infer: true }),
};
