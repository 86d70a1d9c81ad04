import { LEDGER_FUNDING_RULES as LEDGER } from '../policies/funding/ledger-funding-rules';
import { yuan } from '../shared/money';
import { deciderSpec } from '../testing/decider-spec';
import { MatchStatement, ResolveDifference } from './reconciliation.commands';
import { reconciliationDecider } from './reconciliation.decider';
import { StatementMatched } from './reconciliation.events';
import { LedgerPayment, normalisedPayee, StatementLine } from './statement';
import { LineOutcome } from './statement-matching';

const LEAD = '91210100MA0000001G';
const MEMBER = '91210200MA0000003U';
const paid = (voucher: string, amount: number, paidOn: string, extra: Partial<LedgerPayment> = {}): LedgerPayment => ({
  subsidyId: `s-${voucher}`,
  voucher,
  amountFen: yuan(amount),
  paidOn,
  recipient: LEAD,
  payee: '沈阳重型机械有限公司',
  ...extra,
});
const line = (n: number, data: Partial<StatementLine>): StatementLine => ({
  line: n,
  amountFen: yuan(100_000),
  paidOn: '2025-11-03',
  ...data,
});
const match = (lines: StatementLine[]): MatchStatement => ({
  type: 'MatchStatement',
  data: {
    reconciliationId: 'r1',
    statement: {
      fileSha256: 'ab'.repeat(32),
      format: 'csv-utf8',
      columns: { voucher: '凭证号', amount: '金额', date: '日期', payee: '收款单位', amountUnit: 'yuan' },
      lines,
    },
    scope: { from: '2025-11-01', to: '2025-11-30' },
  },
});

const { given } = deciderSpec(reconciliationDecider, () => ({
  today: '2025-12-01',
  payments: [] as LedgerPayment[],
  ledgerVouchers: undefined as string[] | undefined,
}));
const outcomesOf = (lines: StatementLine[], payments: LedgerPayment[], ledgerVouchers?: string[]) => {
  const [event] = given([]).when(match(lines), { payments, ledgerVouchers }).outcome as StatementMatched[];
  return event.data.lines.map((l) => [l.outcome, l.by ?? null, l.statement?.line ?? null, l.ledger?.voucher ?? null]);
};

describe(`${LEDGER.statementMatching.rule} — ${LEDGER.statementMatching.citation}`, () => {
  const ledger = [paid('PZ-1', 100_000, '2025-11-03')];
  it.each<
    [string, StatementLine[], LedgerPayment[], Array<[LineOutcome, string | null, number | null, string | null]>]
  >([
    [
      'the same voucher, amount and payee: matched',
      [line(2, { voucher: 'PZ-1', payee: '沈阳重型机械有限公司' })],
      ledger,
      [['matched', 'voucher', 2, 'PZ-1']],
    ],
    [
      'vouchers compared without case and width',
      [line(2, { voucher: 'ｐｚ-1 ' })],
      ledger,
      [['matched', 'voucher', 2, 'PZ-1']],
    ],
    [
      'the same voucher, another amount: amount differs',
      [line(2, { voucher: 'PZ-1', amountFen: yuan(90_000) })],
      ledger,
      [['amount-differs', 'voucher', 2, 'PZ-1']],
    ],
    [
      'the same voucher, another payee: payee differs',
      [line(2, { voucher: 'PZ-1', payee: '大连精密制造有限公司' })],
      ledger,
      [['payee-differs', 'voucher', 2, 'PZ-1']],
    ],
    [
      'the same voucher, another credit code: payee differs',
      [line(2, { voucher: 'PZ-1', creditCode: MEMBER })],
      ledger,
      [['payee-differs', 'voucher', 2, 'PZ-1']],
    ],
    [
      'no voucher: amount, date 3 days off and payee match',
      [line(2, { paidOn: '2025-11-06', payee: '沈阳重型机械有限责任公司' })],
      ledger,
      [['matched', 'amount-date-payee', 2, 'PZ-1']],
    ],
    [
      'no voucher, 4 days off: only in statement, only in ledger',
      [line(2, { paidOn: '2025-11-07', payee: '沈阳重型机械有限公司' })],
      ledger,
      [
        ['only-in-statement', null, 2, null],
        ['only-in-ledger', null, null, 'PZ-1'],
      ],
    ],
    [
      'no voucher, another payee: no pair',
      [line(2, { payee: '大连精密制造有限公司' })],
      ledger,
      [
        ['only-in-statement', null, 2, null],
        ['only-in-ledger', null, null, 'PZ-1'],
      ],
    ],
    [
      'an unknown voucher still pairs by amount, date and payee',
      [line(2, { voucher: 'X-9', creditCode: LEAD })],
      ledger,
      [['matched', 'amount-date-payee', 2, 'PZ-1']],
    ],
    [
      'a disbursement pairs once: the second line is only in the statement',
      [line(2, { voucher: 'PZ-1' }), line(3, { voucher: 'PZ-1' })],
      ledger,
      [
        ['matched', 'voucher', 2, 'PZ-1'],
        ['only-in-statement', null, 3, null],
      ],
    ],
    [
      'a duplicated line naming a voucher is only in the statement: it never pairs with a disbursement under another',
      [
        line(2, { voucher: 'PZ-5', payee: '沈阳重型机械有限公司' }),
        line(3, { voucher: 'PZ-5', payee: '沈阳重型机械有限公司' }),
      ],
      [paid('pz-5', 100_000, '2025-11-03'), paid('PZ-6', 100_000, '2025-11-04')],
      [
        ['matched', 'voucher', 2, 'pz-5'],
        ['only-in-statement', null, 3, null],
        ['only-in-ledger', null, null, 'PZ-6'],
      ],
    ],
    [
      'lines sharing a voucher: the one that agrees with the disbursement pairs, wherever it is in the file',
      [line(2, { voucher: 'PZ-1', amountFen: yuan(90_000) }), line(3, { voucher: 'pz-1' })],
      ledger,
      [
        ['only-in-statement', null, 2, null],
        ['matched', 'voucher', 3, 'PZ-1'],
      ],
    ],
    [
      'by amount, date and payee the nearest pairs first across the statement: 11-04 with 11-04, whatever the order',
      [line(2, { paidOn: '2025-11-04' }), line(3, { paidOn: '2025-11-07' })],
      [paid('PZ-5', 100_000, '2025-11-03'), paid('PZ-6', 100_000, '2025-11-04')],
      [
        ['matched', 'amount-date-payee', 2, 'PZ-6'],
        ['only-in-statement', null, 3, null],
        ['only-in-ledger', null, null, 'PZ-5'],
      ],
    ],
    [
      '… the same pairs when the lines come the other way round',
      [line(2, { paidOn: '2025-11-07' }), line(3, { paidOn: '2025-11-04' })],
      [paid('PZ-5', 100_000, '2025-11-03'), paid('PZ-6', 100_000, '2025-11-04')],
      [
        ['only-in-statement', null, 2, null],
        ['matched', 'amount-date-payee', 3, 'PZ-6'],
        ['only-in-ledger', null, null, 'PZ-5'],
      ],
    ],
    [
      'at the same distance the earlier line, then the earlier disbursement',
      [line(2, { paidOn: '2025-11-06' }), line(3, { paidOn: '2025-11-04' })],
      [paid('PZ-5', 100_000, '2025-11-05')],
      [
        ['only-in-statement', null, 2, null],
        ['matched', 'amount-date-payee', 3, 'PZ-5'],
      ],
    ],
    [
      'by amount the nearest date wins',
      [line(2, { paidOn: '2025-11-05' })],
      [paid('PZ-1', 100_000, '2025-11-03'), paid('PZ-2', 100_000, '2025-11-06')],
      [
        ['matched', 'amount-date-payee', 2, 'PZ-2'],
        ['only-in-ledger', null, null, 'PZ-1'],
      ],
    ],
  ])('%s', (_case, lines, payments, expected) => {
    expect(outcomesOf(lines, payments)).toEqual(expected);
  });

  it('a line naming a voucher the ledger holds outside the run’s scope pairs with no disbursement in it', () => {
    const lines = [line(2, { voucher: 'PZ-9', creditCode: LEAD })];
    expect(outcomesOf(lines, ledger, ['PZ-1', 'pz-9'])).toEqual([
      ['only-in-statement', null, 2, null],
      ['only-in-ledger', null, null, 'PZ-1'],
    ]);
    expect(outcomesOf(lines, ledger, ['PZ-1'])).toEqual([['matched', 'amount-date-payee', 2, 'PZ-1']]);
  });

  it('a payment just outside the period (the scope 2025-11-01..30) pairs with a line within 3 days; unpaired, it is not listed', () => {
    const atTheEdges = [
      line(2, { paidOn: '2025-11-01', payee: '沈阳重型机械有限公司' }),
      line(3, { paidOn: '2025-11-30', amountFen: yuan(50_000), payee: '沈阳重型机械有限公司' }),
    ];
    const payments = [
      paid('PZ-9', 100_000, '2025-10-30'), // 2 days before the period: pairs with line 2
      paid('PZ-8', 70_000, '2025-10-31'), // before the period, no line: not the statement's business
      paid('PZ-7', 70_000, '2025-11-15'), // in the period, no line: only in the ledger
      paid('PZ-6', 50_000, '2025-12-03'), // 3 days after: pairs with line 3
    ];
    expect(outcomesOf(atTheEdges, payments)).toEqual([
      ['matched', 'amount-date-payee', 2, 'PZ-9'],
      ['matched', 'amount-date-payee', 3, 'PZ-6'],
      ['only-in-ledger', null, null, 'PZ-7'],
    ]);
  });

  it('records the file, how it was read, the scope, every line with both sides, and the counts', () => {
    given([])
      .when(match([line(2, { voucher: 'PZ-1', amountFen: yuan(1) }), line(3, { voucher: 'Q' })]), { payments: ledger })
      .thenMatches([
        {
          type: 'StatementMatched',
          data: {
            ...LEDGER.statementMatching,
            reconciliationId: 'r1',
            fileSha256: 'ab'.repeat(32),
            format: 'csv-utf8',
            scope: { from: '2025-11-01', to: '2025-11-30' },
            counts: { matched: 0, amountDiffers: 1, payeeDiffers: 0, onlyInStatement: 1, onlyInLedger: 0 },
            lines: [
              { outcome: 'amount-differs', statement: { line: 2 }, ledger: ledger[0] },
              { outcome: 'only-in-statement' },
            ],
          },
        },
      ]);
  });

  it.each([
    ['沈阳重型机械有限责任公司', '沈阳重型机械有限公司'],
    ['沈阳 重型机械（集团）有限公司', '沈阳重型机械(集团)有限公司'],
    ['ＡＢＣ科技有限公司', 'abc科技有限公司'],
  ])('reads the payee %s as %s', (name, normalised) => {
    expect(normalisedPayee(name)).toBe(normalisedPayee(normalised));
  });
});

describe(`${LEDGER.differenceResolved.rule} — ${LEDGER.differenceResolved.citation}`, () => {
  const run = given([]).when(match([line(2, { voucher: 'PZ-1', amountFen: yuan(1) }), line(3, { voucher: 'PZ-2' })]), {
    payments: [paid('PZ-1', 100_000, '2025-11-03'), paid('PZ-2', 100_000, '2025-11-03')],
  }).outcome as StatementMatched[];
  const resolve = (item: number, note = '财政已补付差额'): ResolveDifference => ({
    type: 'ResolveDifference',
    data: { reconciliationId: 'r1', item, note },
  });

  it('a difference is resolved with its note', () => {
    given(run)
      .when(resolve(1))
      .then([
        {
          type: 'DifferenceResolved',
          data: { ...LEDGER.differenceResolved, reconciliationId: 'r1', item: 1, note: '财政已补付差额' },
        },
      ]);
  });

  it.each<[string, ResolveDifference, object]>([
    ['a matched line', resolve(2), { code: 'rule-violated', ...LEDGER.differenceResolved }],
    [
      'an item the run does not have',
      resolve(3),
      { code: 'invalid-input', details: [{ field: 'item', problem: expect.any(String) }] },
    ],
    ['a blank note', resolve(1, ' '), { code: 'invalid-input', details: [{ field: 'note', problem: 'is required' }] }],
  ])('refuses %s', (_case, command, rejection) => {
    given(run).when(command).thenRejects(rejection);
  });

  it('refuses a difference resolved before', () => {
    const resolved = given(run).when(resolve(1)).outcome as never[];
    given([...run, ...resolved])
      .when(resolve(1, 'again'))
      .thenRejects({ code: 'rule-violated', ...LEDGER.differenceResolved });
  });

  it('refuses a run that does not exist', () => {
    given([]).when(resolve(1)).thenRejects({ code: 'not-found' });
  });
});
