import { InvalidAppendRequestError } from '../event-store.port';
import { fromKurrentStream, isLedgerStream, ledgerStreams, toKurrentStream } from './kurrentdb.streams';

const SAMPLE_NAMES = [
  'grant-1',
  '$ce-grant',
  '$$grant-1',
  '$ledger-chain',
  '$stats-0.0.0.0:2113',
  'ledger-chain',
  'a$b',
];

/** The filter's regex as the server applies it (IsMatch: found anywhere, anchored by ^ here). */
function regexOf(filter: unknown): RegExp {
  return new RegExp((filter as { regex: string }).regex);
}

describe('the ledger’s streams in KurrentDB', () => {
  it('without a namespace: every stream not starting with $, read through a server-side stream-name regex', () => {
    const streams = ledgerStreams();

    expect(streams).toMatchObject({ prefix: '', chainStream: '$ledger-chain' });
    expect(streams.filter).toMatchObject({ filterOn: 'streamName', regex: '^[^$]' });
    for (const name of SAMPLE_NAMES) expect(regexOf(streams.filter).test(name)).toBe(isLedgerStream(streams, name));
    expect(isLedgerStream(streams, 'grant-1')).toBe(true);
    expect(isLedgerStream(streams, '$ledger-chain')).toBe(false);
  });

  it('without a namespace and a chain stream not starting with $: the regex leaves that stream out too', () => {
    const streams = ledgerStreams(undefined, 'ledger-chain');
    const regex = regexOf(streams.filter);

    for (const name of SAMPLE_NAMES) expect(regex.test(name)).toBe(isLedgerStream(streams, name));
    expect(regex.test('ledger-chain')).toBe(false);
    expect(regex.test('ledger-chain-2')).toBe(true);
    expect(regex.test('grant-1')).toBe(true);
  });

  it('with a namespace: streams named ns:<id>, read through a stream-name prefix filter', () => {
    const streams = ledgerStreams('tenant-7');

    expect(streams).toMatchObject({ prefix: 'tenant-7:', chainStream: '$ledger-chain-tenant-7' });
    expect(streams.filter).toMatchObject({ filterOn: 'streamName', prefixes: ['tenant-7:'] });
    expect(toKurrentStream(streams, 'grant-1')).toBe('tenant-7:grant-1');
    expect(fromKurrentStream(streams, 'tenant-7:grant-1')).toBe('grant-1');
    expect(() => fromKurrentStream(streams, 'tenant-8:grant-1')).toThrow(/not one of the ledger/);
  });

  it('refuses stream ids KurrentDB would hide from the log, and the chain stream', () => {
    expect(() => toKurrentStream(ledgerStreams(), '$grant')).toThrow(InvalidAppendRequestError);
    expect(() => toKurrentStream(ledgerStreams(undefined, 'ledger-chain'), 'ledger-chain')).toThrow(
      InvalidAppendRequestError,
    );
    expect(toKurrentStream(ledgerStreams('ns'), '$grant')).toBe('ns:$grant');
  });

  it('refuses a namespace that is not a plain name, and a chain stream inside the namespace’s log', () => {
    expect(() => ledgerStreams('a:b')).toThrow(RangeError);
    expect(() => ledgerStreams('')).toThrow(RangeError);
    expect(() => ledgerStreams('ns', 'ns:chain')).toThrow(/part of the ledger's log/);
  });
});
