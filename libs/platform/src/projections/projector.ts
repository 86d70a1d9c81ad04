import type Database from 'better-sqlite3';
import { RecordedEvent } from '@ledger/event-store';

/** Events → read-model rows. Runs inside the engine's transaction, together with its checkpoint. */
export interface Projector {
  /** Unique; names its checkpoint. */
  readonly name: string;
  /** Creates the projector's tables if missing. */
  setup(db: Database.Database): void;
  /** Drops the projector's tables (rebuild calls setup again afterwards). */
  drop(db: Database.Database): void;
  /** Applies one event; must be deterministic (a rebuild ends identical to the live model). */
  apply(event: RecordedEvent, db: Database.Database): void;
}

export const PROJECTORS = Symbol('PROJECTORS');
export const READ_STORE = Symbol('READ_STORE');
