import { DynamicModule } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { networkInterfaces } from 'node:os';
import type { LedgerConfig } from '../config/ledger.config';
import { exitOnStartFailure } from '../config/start-refusal';
import { closeOnSignals } from './close-on-signals';
import { createLedgerApp, LedgerAppOptions } from './create-ledger-app';

/**
 * Every interface, as Express listened when given no host: `::` takes IPv6 and IPv4 alike, where the machine has
 * IPv6 at all; otherwise `0.0.0.0`. (Fastify, given no host, would listen on localhost only.)
 */
function allInterfaces(): string {
  const hasIpv6 = Object.values(networkInterfaces()).some((addresses) =>
    addresses?.some((address) => address.family === 'IPv6'),
  );
  return hasIpv6 ? '::' : '0.0.0.0';
}

/** The URL an operator can open: `http://localhost:3000` when listening on every interface. */
async function printableUrl(app: NestFastifyApplication): Promise<string> {
  return (await app.getUrl()).replace('[::1]', 'localhost');
}

/**
 * Serves one of the ledger's apps (`npm start`, or each app apart): HTTP on the configured host and port, closed on
 * SIGTERM and SIGINT, and one line saying where it listens (`announce`). A start that fails ends the process, with one
 * sentence when the configuration or a store refused (exitOnStartFailure).
 */
export function serveLedgerApp(
  root: DynamicModule,
  config: LedgerConfig,
  texts: Pick<LedgerAppOptions, 'title' | 'description'>,
  announce: (url: string) => string,
): void {
  const serve = async () => {
    const app = await createLedgerApp(root, { ...texts, logLevel: config.logLevel });
    closeOnSignals(app);
    await app.listen(config.port, config.host ?? allInterfaces());
    console.log(announce(await printableUrl(app)));
  };
  serve().catch(exitOnStartFailure);
}
