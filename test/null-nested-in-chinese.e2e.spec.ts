import { filingBody } from './support/consortium-requests';
import { RunningLedger, startLedger } from './support/ledger-test-app';

/** A run of three English words, as no-english-by-default.e2e.spec.ts finds them. */
const ENGLISH_RUN = /[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,}){2,}/;

/**
 * `null` in an optional field is now 400 naming it (was 500), and class-validator's English messages are said in the
 * ledger's words (validator-problems.ts). A nested object or list element given as null is refused by class-validator's
 * ValidateNested with "nested property X must be either object or array" / "each value in nested property X must be
 * either object or array": asked with no Accept-Language, those must be Chinese as every other refusal.
 */
describe('null where a nested object goes: refused in Chinese by default', () => {
  let ledger: RunningLedger;
  beforeAll(async () => {
    ledger = await startLedger();
  });
  afterAll(async () => {
    await ledger?.close();
  });

  const body = filingBody('liaoning-2021-alliance');
  it.each([
    ['governance: null (optional: was 500)', { ...body, governance: null }, 'governance'],
    ['waivers: [null]', { ...body, waivers: [null] }, 'waivers[0]'],
    ['members: [null, …]', { ...body, members: [null, ...body.members] }, 'members[0]'],
  ])('%s is 400 naming the field, with no English sentence', async (_case, sent, field) => {
    const answer = await ledger.http.post('/v1/consortia', sent, { as: 'officer' });
    expect([answer.status, answer.body.details?.[0]?.field]).toEqual([400, field]);
    const texts = [answer.body.message, ...answer.body.details.flatMap((d: { problems: string[] }) => d.problems)];
    expect(texts.filter((text: string) => ENGLISH_RUN.test(text))).toEqual([]);
  });
});
