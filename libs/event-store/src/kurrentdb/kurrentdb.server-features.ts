/**
 * The version the server reports, read when the store opens (the only client internals this adapter touches).
 *
 * @kurrent/kurrentdb-client fetches the server's supported methods and version once per client (the v1
 * ServerFeatures.GetSupportedMethods call) and keeps them behind `protected get capabilities():
 * Promise<ServerFeatures>` (dist/Client/index.d.ts); `ServerFeatures.serverVersion` is the version string, or
 * "unknown" when the server has no ServerFeatures service (dist/Client/ServerFeatures.js). The client has no public
 * accessor for it, so it is read through this structural view of the same object.
 */
import type { KurrentDBClient } from '@kurrent/kurrentdb-client';

interface ServerFeaturesView {
  readonly capabilities: Promise<{ serverVersion: string }>;
}

export async function reportedServerVersion(client: KurrentDBClient): Promise<string> {
  const features = await (client as unknown as ServerFeaturesView).capabilities;
  return typeof features?.serverVersion === 'string' ? features.serverVersion : 'unknown';
}
