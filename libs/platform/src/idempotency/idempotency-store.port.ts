/**
 * Answers given to requests that carried an Idempotency-Key, per actor and key — kept where the event log is (the
 * SQLite data directory, or the PostgreSQL database), never in process memory, so that every process taking commands
 * answers a repeated key the same way.
 *
 * A request first claims its key. The claim is in the store, so two processes given the same key at once do not both
 * run the command: one holds the claim, the other sees it in flight and waits. The holder ends the claim by saving
 * its answer (in the same transaction) or by releasing it (an answer that is not replayed, e.g. a 409: the key may be
 * sent again). A claim older than `staleAfterMs` belongs to a process that died mid-request and may be taken over.
 */
export interface SavedAnswer {
  fingerprint: string;
  status: number;
  body: unknown;
}

export type IdempotencyClaim =
  /** This request holds the key: run it, then `save` or `release` with this token. */
  | { outcome: 'claimed'; token: string }
  /** The key was answered: replay this (when the fingerprint matches). */
  | { outcome: 'answered'; answer: SavedAnswer }
  /** Another request holds the key (the fingerprint of its request, when still known): wait and claim again. */
  | { outcome: 'in-flight'; fingerprint?: string };

export interface IdempotencyStore {
  claim(actor: string, key: string, fingerprint: string, staleAfterMs: number): Promise<IdempotencyClaim>;
  /** Saves the answer and ends the claim, at once. A key answered already keeps its first answer. */
  save(actor: string, key: string, token: string, answer: SavedAnswer): Promise<void>;
  /** Ends the claim without an answer. */
  release(actor: string, key: string, token: string): Promise<void>;
  close(): Promise<void>;
}

export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');
