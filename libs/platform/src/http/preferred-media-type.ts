import Negotiator from 'negotiator';

/**
 * Which of `available` the `Accept` header prefers, with the rules Express's `request.accepts()` applied (negotiator:
 * quality, then specificity, then order): the first of `available` when the header is absent or accepts anything.
 */
export function preferredMediaType(accept: string | undefined, available: string[]): string | undefined {
  return new Negotiator({ headers: { accept: accept || '*/*' } }).mediaType(available);
}
