import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { networkInterfaces } from 'node:os';

/**
 * Every interface, as Express listened when given no host: `::` takes IPv6 and IPv4 alike, where the machine has
 * IPv6 at all; otherwise `0.0.0.0`. (Fastify, given no host, would listen on localhost only.)
 */
export function allInterfaces(): string {
  const hasIpv6 = Object.values(networkInterfaces()).some((addresses) =>
    addresses?.some((address) => address.family === 'IPv6'),
  );
  return hasIpv6 ? '::' : '0.0.0.0';
}

/** The URL an operator can open: `http://localhost:3000` when listening on every interface. */
export async function printableUrl(app: NestFastifyApplication): Promise<string> {
  return (await app.getUrl()).replace('[::1]', 'localhost');
}
