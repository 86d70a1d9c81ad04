/**
 * The state of one link between the ledger and Kafka — the relay (log → topic), the consumer (topic → projections),
 * the change-feed publisher (read models → topics) — as the health model shows it. Each keeps one of these.
 */
export type BusLinkState = 'starting' | 'running' | 'standby' | 'retrying' | 'stopped';

export interface BusLinkHealth {
  state: BusLinkState;
  /** The last log position the link has handed on: acknowledged by the broker (relay, change feed) or applied. */
  position: number;
  /** The failure it is retrying, or the one that stopped it. */
  failure?: { error: string; since: string; attempts: number };
}

export class BusLinkStatus {
  private state: BusLinkState = 'starting';
  private position = 0;
  private failure?: BusLinkHealth['failure'];

  health(): BusLinkHealth {
    return { state: this.state, position: this.position, ...(this.failure && { failure: { ...this.failure } }) };
  }

  get lastPosition(): number {
    return this.position;
  }

  /** Moves on to `position` (never back): the work up to it is done. Clears a failure. */
  reached(position: number, state: BusLinkState = 'running'): void {
    this.position = Math.max(this.position, position);
    this.state = state;
    this.failure = undefined;
  }

  /** The link runs without having handed anything on (connected; a standby member of the group). */
  is(state: BusLinkState): void {
    this.state = state;
    if (state === 'running' || state === 'standby') this.failure = undefined;
  }

  /** A failure: 'retrying' (it will try again) or 'stopped' (it will not, until the process restarts). */
  failed(error: unknown, state: 'retrying' | 'stopped' = 'retrying'): string {
    const message = messageOf(error);
    this.state = state;
    this.failure = {
      error: message,
      since: this.failure?.since ?? new Date().toISOString(),
      attempts: (this.failure?.attempts ?? 0) + 1,
    };
    return message;
  }
}

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
