/**
 * Stored events are forever: each log an earlier version of the ledger wrote (test/fixtures/stored-log-v*, every event
 * type of every module and policy that version knew) loads into this version's store, verifies its hash chain, replays
 * into every read model, and answers every query it answered then. An answer may gain fields; no field it had may
 * change. Version 1 holds the first shapes (upcast today); version 2 the slim SubsidyGranted v2 and FundingCommitted v3,
 * maker-checker, waivers, continuations and regional averages; version 3 the same story with SubsidyGranted v3 (its
 * checks' and caps' sentences recorded as facts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { inTodaysShape } from '@ledger/platform';
import { LEDGER_EVENT_SCHEMAS } from '@ledger/domain/ledger-events';
import { RecordedEvent } from '@ledger/event-store';
import { RunningLedger, startLedger } from './support/ledger-test-app';
import { RawEventRow, writeRawLog } from './stored-log/raw-log';

interface StoredAnswers {
  today: string;
  headPosition: number;
  answers: Array<{ path: string; as: 'supervisor' | 'viewer'; status: number; body: unknown }>;
}

const EVERY_EVENT_TYPE_V1 = [
  'AnnualReportCorrected',
  'AnnualReportRecorded',
  'AnnualReportSubmitted',
  'ConsortiumApproved',
  'ConsortiumDelisted',
  'ConsortiumDissolved',
  'ConsortiumFiled',
  'ConsortiumRejected',
  'ConsortiumRenamed',
  'ConsortiumWithdrawn',
  'EvaluationRecorded',
  'FundingCommitted',
  'FundingReleased',
  'LeadChanged',
  'LeadClaimed',
  'LeadReleased',
  'MemberAdded',
  'MemberRemoved',
  'ObjectionRecorded',
  'ObjectionResolved',
  'PublicNoticeStarted',
  'ReviewRecorded',
  'SubsidyCancelled',
  'SubsidyClawedBack',
  'SubsidyDisbursed',
  'SubsidyGranted',
  'SubsidyRefunded',
  'SubsidyTerminated',
  'UnitRecordedDishonest',
  'ZoneDesignated',
  'ZoneEvaluated',
  'ZoneRecommendedForNational',
  'ZoneRectificationStarted',
  'ZoneRectified',
  'ZoneRemoved',
];
/** What version 2 added (policy catalogue 2026-12-01). */
const EVERY_EVENT_TYPE_V2 = [
  ...EVERY_EVENT_TYPE_V1,
  'GrantApproved',
  'GrantDeclined',
  'GrantExpired',
  'PendingGrantClosed',
  'PendingGrantOpened',
  'RegionalAverageRecorded',
  'RuleWaived',
  'SubsidyContinued',
].sort();

interface CurrentReadings {
  changes: Array<{ path: string; fields: string[]; catalogue: string; why: string }>;
}

/** A fixture as committed: the rows as stored, the answers then, and the fields read under today's rules. */
function fixture(name: string) {
  const dir = join(__dirname, 'fixtures', name);
  const rows: RawEventRow[] = readFileSync(join(dir, 'events.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
  /** Fields computed under the rules in force now (documented, with the catalogue version that changed them). */
  const currentReadings: CurrentReadings = JSON.parse(readFileSync(join(dir, 'current-readings.json'), 'utf8'));
  const stored: StoredAnswers = JSON.parse(readFileSync(join(dir, 'answers.json'), 'utf8'));
  return { name, rows, currentReadings, stored };
}

/** `list[key=value]`: the items of a list that may be gone now (a current reading no longer counts them). */
const DROPPABLE_ITEMS = /^(\w+)\[(\w+)=([^\]]+)\]$/;

/** `caps[].detail` → every cap's detail removed; `caps[rule=x]` → every cap of rule x removed (a copy). */
function withoutFields(body: unknown, fields: string[]): unknown {
  const copy = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
  for (const field of fields) {
    const droppable = DROPPABLE_ITEMS.exec(field);
    if (droppable) {
      const [, list, key, value] = droppable;
      const items = copy[list] as Array<Record<string, unknown>> | undefined;
      if (items) copy[list] = items.filter((item) => item[key] !== value);
      continue;
    }
    const [list, key] = field.split('[].');
    for (const item of (copy[list] as Array<Record<string, unknown>> | undefined) ?? []) delete item[key];
  }
  return copy;
}

/** Every `rule` value anywhere in an answer. */
const ruleIdsIn = (body: unknown): string[] => [...JSON.stringify(body).matchAll(/"rule":"([^"]+)"/g)].map((m) => m[1]);

function valuesAt(body: unknown, field: string): unknown[] {
  const [list, key] = field.split('[].');
  return (((body as Record<string, unknown>)[list] as Array<Record<string, unknown>> | undefined) ?? []).map(
    (item) => item[key],
  );
}

const recordedOf = (row: RawEventRow): RecordedEvent => ({
  position: row.position,
  streamId: row.stream_id,
  streamRevision: row.stream_revision,
  eventId: row.event_id,
  type: row.type,
  schemaVersion: row.schema_version,
  data: JSON.parse(row.data),
  metadata: JSON.parse(row.metadata),
  recordedAt: row.recorded_at,
  hash: row.hash,
});

describe.each([
  { log: fixture('stored-log-v1'), everyEventType: EVERY_EVENT_TYPE_V1 },
  { log: fixture('stored-log-v2'), everyEventType: EVERY_EVENT_TYPE_V2 },
  { log: fixture('stored-log-v3'), everyEventType: EVERY_EVENT_TYPE_V2 },
])('the stored log of test/fixtures/$log.name', ({ log: { rows, currentReadings, stored }, everyEventType }) => {
  let dataDir: string;
  let ledger: RunningLedger;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-stored-log-'));
    writeRawLog(join(dataDir, 'events.sqlite'), rows);
    ledger = await startLedger({ dataDir, today: stored.today });
  });
  afterAll(async () => {
    await ledger?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('holds every event type of every module', () => {
    expect([...new Set(rows.map((row) => row.type))].sort()).toEqual(everyEventType);
    expect(rows).toHaveLength(stored.headPosition);
  });

  it('verifies its hash chain', async () => {
    const store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
    try {
      await expect(store.verifyChain()).resolves.toMatchObject({ ok: true, checked: rows.length });
    } finally {
      await store.close();
    }
  });

  it.each(stored.answers.map((answer) => [answer.path, answer] as const))(
    'answers GET %s as before',
    async (_path, answer) => {
      const sep = answer.path.includes('?') ? '&' : '?';
      const now = await ledger.http.get(`${answer.path}${sep}minPosition=${stored.headPosition}`, {
        as: answer.as,
        headers: { 'accept-language': 'en' },
      });
      expect(now.status).toBe(answer.status);
      const readings = currentReadings.changes.filter((change) => new RegExp(change.path).test(answer.path));
      const fields = readings.flatMap((change) => change.fields);
      if (fields.includes('*')) {
        // The whole answer is a current reading (the catalogue): every rule it named is still named.
        for (const rule of ruleIdsIn(answer.body)) expect(ruleIdsIn(now.body)).toContain(rule);
        return;
      }
      expect(withoutFields(now.body, fields)).toMatchObject(withoutFields(answer.body, fields) as object);
      for (const field of fields.filter((f) => !DROPPABLE_ITEMS.test(f)))
        expect(valuesAt(now.body, field).every((v) => v !== undefined && v !== '')).toBe(true);
    },
  );
});

describe('events written in older shapes', () => {
  const { rows } = fixture('stored-log-v1');
  it("reads events written in older shapes in today's shape (FundingCommitted v1: `on` became `grantedOn`)", () => {
    const grants = new Map(
      rows
        .filter((row) => row.type === 'SubsidyGranted')
        .map((row) => [JSON.parse(row.data).subsidyId, JSON.parse(row.data)]),
    );
    const commitments = rows.filter((row) => row.type === 'FundingCommitted');
    expect(commitments.length).toBeGreaterThan(0);
    for (const row of commitments) {
      expect(row.schema_version).toBe(1);
      const { data, schemaVersion } = inTodaysShape(recordedOf(row));
      expect(schemaVersion).toBe(LEDGER_EVENT_SCHEMAS.currentVersion('FundingCommitted'));
      expect(data).not.toHaveProperty('on');
      expect(data.grantedOn).toBe(grants.get(data.subsidyId).grantedOn);
    }
  });
});
