import { recordCalled } from '@ledger/platform';
import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ConsortiumState } from '@ledger/domain/consortium/consortium.state';
import { ZoneState } from '@ledger/domain/zone/zone.state';
import { consortiumKeys, covers, JurisdictionKeys, notFound, Principal, READ_STORE, ReadStore } from '@ledger/platform';
import { CONSORTIA } from '../consortia/consortia.projection';
import { SubsidyRecord, SUBSIDIES, subsidyKeys } from '../subsidies/subsidies.projection';
import { ZONES } from '../zones/zones.projection';

type RecordKind = 'consortium' | 'subsidy' | 'zone';
const SCOPED_RECORD = 'ledger:scoped-record';

/** The keys a record is scoped by (jurisdiction.ts), from its read model; undefined when it is not there. */
async function keysOf(readStore: ReadStore, kind: RecordKind, id: string): Promise<JurisdictionKeys | undefined> {
  switch (kind) {
    case 'consortium': {
      const state = (await readStore.getDocument<ConsortiumState>(CONSORTIA.name, id))?.state;
      return state && consortiumKeys(state.policy, state.lead.creditCode);
    }
    case 'subsidy': {
      const record = (await readStore.getDocument<SubsidyRecord>(SUBSIDIES.name, id))?.state;
      return record && subsidyKeys(record);
    }
    case 'zone': {
      const state = (await readStore.getDocument<ZoneState>(ZONES.name, id))?.state;
      return state && { policy: state.policy };
    }
  }
}

/**
 * Reads of one record (`…/{id}`, its history, as-of, replay, diff and their exports) by a user with a jurisdiction:
 * 404 for a record outside it, as for one that does not exist (and for one the read models do not hold yet). Users
 * without a jurisdiction pass untouched.
 */
@Injectable()
export class JurisdictionGuard implements CanActivate {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ principal?: Principal; params?: Record<string, string> }>();
    const jurisdiction = request.principal?.jurisdiction;
    const id = request.params?.id;
    const kind = this.reflector.getAllAndOverride<RecordKind | undefined>(SCOPED_RECORD, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!jurisdiction || id === undefined || !kind) return true;
    const keys = await keysOf(this.readStore, kind, id);
    if (!keys || !covers(jurisdiction, keys)) throw notFound(recordCalled(kind, id));
    return true;
  }
}

/** The controller's `{id}` routes read records of this kind: scoped by the user's jurisdiction (JurisdictionGuard). */
export const ScopedRecords = (kind: RecordKind) =>
  applyDecorators(SetMetadata(SCOPED_RECORD, kind), UseGuards(JurisdictionGuard));
