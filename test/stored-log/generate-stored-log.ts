/**
 * Writes a stored-log fixture: the event log the story records (events.jsonl, every row as stored) and the answers the
 * ledger gives to `storedLogQueries` over it (answers.json). Today it writes version 3 (the version-1 story, then what
 * the ledger learnt since: stored-log-v2.story.ts, in today's shapes: SubsidyGranted version 3); version 1 was written
 * by this script before that story existed, version 2 before SubsidyGranted recorded its sentences as facts.
 * Run it only to create a new fixture version; a committed fixture is never regenerated (its point is that old logs
 * keep working).
 *
 *   node scripts/build.js --tools && node .build/tools/test/stored-log/generate-stored-log.js <out-dir>
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLedger } from '../support/ledger-test-app';
import { readRawLog } from './raw-log';
import { playStory, STORED_LOG_TODAY, storedLogQueries } from './stored-log.story';
import { playStoryV2, STORED_LOG_V2_ENV } from './stored-log-v2.story';

async function main(outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'stored-log-'));
  // Version 1's story under version 1's settings, then the ledger restarted with maker-checker on for the rest.
  const first = await startLedger({ today: STORED_LOG_TODAY, dataDir });
  const ids = await playStory(first);
  await first.close();
  const ledger = await startLedger({ today: STORED_LOG_TODAY, dataDir, env: STORED_LOG_V2_ENV });
  try {
    await playStoryV2(ledger, ids);
    const head = (await ledger.http.get('/health', { as: 'viewer' })).body.log.headPosition as number;
    const answers = [];
    for (const query of storedLogQueries(ids)) {
      const sep = query.path.includes('?') ? '&' : '?';
      const answer = await ledger.http.get(`${query.path}${sep}minPosition=${head}`, {
        as: query.as,
        headers: { 'accept-language': 'en' },
      });
      if (answer.status !== 200) throw new Error(`GET ${query.path} answered ${answer.status}: ${answer.text}`);
      answers.push({ ...query, status: answer.status, body: answer.body });
    }
    const rows = readRawLog(ledger.config.eventsFile);
    writeFileSync(join(outDir, 'events.jsonl'), rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
    writeFileSync(
      join(outDir, 'answers.json'),
      JSON.stringify({ today: STORED_LOG_TODAY, headPosition: head, answers }, null, 1) + '\n',
    );
    console.log(`${rows.length} events, ${answers.length} answers written to ${outDir}`);
  } finally {
    await ledger.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main(process.argv[2] ?? 'test/fixtures/stored-log-v3');
