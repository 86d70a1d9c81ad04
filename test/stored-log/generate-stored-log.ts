/**
 * Writes test/fixtures/stored-log-v1: the event log the story records (events.jsonl, every row as stored) and the
 * answers the ledger gives to `storedLogQueries` over it (answers.json). Run it only to create a new fixture version;
 * a committed fixture is never regenerated (its point is that old logs keep working).
 *
 *   node scripts/build.js --tools && node .build/tools/test/stored-log/generate-stored-log.js <out-dir>
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLedger } from '../support/ledger-test-app';
import { readRawLog } from './raw-log';
import { playStory, STORED_LOG_TODAY, storedLogQueries } from './stored-log.story';

async function main(outDir: string): Promise<void> {
  const ledger = await startLedger({ today: STORED_LOG_TODAY });
  try {
    const ids = await playStory(ledger);
    const head = (await ledger.http.get('/health', { as: null })).body.log.headPosition as number;
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
  }
}

void main(process.argv[2] ?? 'test/fixtures/stored-log-v1');
