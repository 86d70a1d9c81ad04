import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { subsidyDecider } from '@ledger/domain/subsidy/subsidy.decider';
import { SubsidyLedgerEvent } from '@ledger/domain/subsidy/subsidy.events';
import { SubsidyLedgerState } from '@ledger/domain/subsidy/subsidy.state';
import { PENDING_GRANTS_STREAM } from '@ledger/domain/subsidy/subsidy.streams';
import { EventStore } from '@ledger/event-store';
import {
  EVENT_STORE,
  foldStream,
  LEDGER_CONFIG,
  LedgerConfig,
  newCommandMetadata,
  RejectionException,
} from '@ledger/platform';
import { SubsidyCommandMessage } from '../subsidy-command.message';

/** The actor the ledger records its own decisions under. */
export const SYSTEM_ACTOR = 'system';
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * ledger.dual-control: a pending grant left unsigned past its expiry (grantedOn + LEDGER_PENDING_DAYS) is released by
 * the ledger itself, as an event with actor `system`: once at start-up and then daily. It reads the list of pending
 * grants (one stream), not the log. A grant signed meanwhile is simply no longer pending (the decision refuses it).
 */
@Injectable()
export class PendingGrantExpiry implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PendingGrantExpiry.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly commandBus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.dualControl) return;
    await this.runOnce();
    this.timer = setInterval(() => void this.runOnce(), DAY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Expires every pending grant past its expiry as of the business today; answers the subsidy ids it expired. */
  async runOnce(): Promise<string[]> {
    const today = this.config.today();
    const { state } = await foldStream<SubsidyLedgerState, SubsidyLedgerEvent>(
      this.store,
      PENDING_GRANTS_STREAM,
      subsidyDecider.evolve,
      subsidyDecider.initialState(),
    );
    const expired: string[] = [];
    for (const { subsidyId, expiresOn } of Object.values(state.pending)) {
      if (today <= expiresOn) continue;
      try {
        const meta = newCommandMetadata({ actor: SYSTEM_ACTOR, today });
        await this.commandBus.execute(
          new SubsidyCommandMessage({ type: 'ExpireGrant', data: { subsidyId, on: today } }, meta),
        );
        expired.push(subsidyId);
      } catch (error) {
        // Signed or declined since the list was read: nothing to expire. Anything else waits for the next run.
        if (!(error instanceof RejectionException)) this.logger.warn(`expiring subsidy ${subsidyId}: ${String(error)}`);
      }
    }
    if (expired.length > 0) this.logger.log(`expired ${expired.length} pending grants: ${expired.join(', ')}`);
    return expired;
  }
}
