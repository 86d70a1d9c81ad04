/** Messages between the idempotency store (sqlite.idempotency-store.ts) and its thread (sqlite.idempotency-worker.ts). */
import type { SerializedError } from '../../projections/sqlite/sqlite.writer-thread.protocol';

/** `now` and `staleBefore` in ms since the epoch; `holder` the process the token names (claim-holder.ts). */
export interface ClaimOperation {
  op: 'claim';
  actor: string;
  key: string;
  fingerprint: string;
  token: string;
  holder: string;
  now: number;
  staleBefore: number;
}

export interface SaveOperation {
  op: 'save';
  actor: string;
  key: string;
  token: string;
  fingerprint: string;
  status: number;
  bodyJson: string;
  savedAt: string;
}

export interface ReleaseOperation {
  op: 'release';
  actor: string;
  key: string;
  token: string;
}

export type IdempotencyOperation = ClaimOperation | SaveOperation | ReleaseOperation;

/** A claim's outcome as it crosses back (the answer's body still JSON text), or `done` for a save or release. */
export type OperationResult =
  | { outcome: 'claimed'; token: string }
  | { outcome: 'answered'; fingerprint: string; status: number; bodyJson: string }
  | { outcome: 'in-flight'; fingerprint?: string }
  | { outcome: 'done' };

export interface IdempotencyRequest {
  id: number;
  operations: readonly IdempotencyOperation[];
}

export type IdempotencyReply =
  | { ready: true }
  | { ready: false; error: SerializedError }
  | { id: number; results: OperationResult[] }
  | { id: number; error: SerializedError };
