/** A wrong command line found after commander parsed it (a bad timestamp, a stream that is no entity's): exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
