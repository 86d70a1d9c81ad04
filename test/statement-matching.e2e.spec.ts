/**
 * Statement matching (issue 14) over real HTTP on a real SQLite log: payment statements the test writes as a GBK CSV
 * with Chinese headers, a UTF-8 CSV in 万元 with a mapping, and an XLSX with credit codes — every kind of outcome
 * (matched by voucher and by amount + date + payee, amount differs, payee differs, only in the statement, only in the
 * ledger); the run recorded and shown again; a difference resolved; the run exported; malformed files refused with
 * the line and column, nothing recorded.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { createHash } from 'node:crypto';
import { enterprise } from '@ledger/domain/consortium/consortium.fixtures';
import { RunningLedger, startLedger, STORY_TODAY, TOKENS } from './support/ledger-test-app';
import { consortiumWith, FundedConsortium, postGrant, postSubsidy } from './support/subsidy-requests';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const LEAD_NAME = '泸州老窖酿酒设备有限责任公司';

let ledger: RunningLedger;
let consortium: FundedConsortium;
let subsidyId: string;
let position: number;

/** The ledger's disbursements: PZ-001 … PZ-005 on one platform grant to the lead. */
const DISBURSEMENTS = [
  { voucher: 'PZ-001', amount: '100000', paidOn: '2027-04-01' },
  { voucher: 'PZ-002', amount: '200000', paidOn: '2027-04-05' },
  { voucher: 'PZ-003', amount: '50000', paidOn: '2027-04-10' },
  { voucher: 'PZ-004', amount: '30000', paidOn: '2027-04-15' },
  { voucher: 'PZ-005', amount: '20000', paidOn: '2027-04-20' },
];

beforeAll(async () => {
  ledger = await startLedger({ today: STORY_TODAY });
  consortium = await consortiumWith(ledger, 'luzhou-2024-consortium', enterprise('luzhou', 9100, { name: LEAD_NAME }));
  const grant = await postGrant(ledger, {
    consortiumId: consortium.id,
    recipient: consortium.lead.creditCode,
    category: 'luzhou.platform',
    amount: '800000',
    platformId: 'LZ-MATCH-PF',
    fiscalYear: 2027,
    grantedOn: '2027-03-01',
  });
  expect(grant.status).toBe(201);
  subsidyId = grant.body.id;
  for (const disbursement of DISBURSEMENTS) {
    const paid = await postSubsidy(ledger, subsidyId, 'disbursements', disbursement);
    expect(paid.status).toBe(201);
    position = paid.body.position;
  }
}, 60_000);
afterAll(() => ledger.close());

/** The statement every file below writes in its own way: one line of each kind (and two matched). */
const statementRows = () => [
  // [voucher, date, payee, credit code, amount in yuan]
  ['PZ-001', '2027-04-01', LEAD_NAME, consortium.lead.creditCode, '100000.00'], // matched by voucher
  ['PZ-002', '2027-04-05', LEAD_NAME, consortium.lead.creditCode, '190000.00'], // amount differs
  ['PZ-003', '2027-04-10', consortium.members[0].name, consortium.members[0].creditCode, '50000.00'], // payee differs
  ['', '2027-04-17', '泸州老窖酿酒设备 有限公司', '', '30000.00'], // matched by amount, date ± 3 days, payee
  ['PZ-999', '2027-04-25', LEAD_NAME, consortium.lead.creditCode, '12345.67'], // only in the statement
];
const EXPECTED_COUNTS = { matched: 2, amountDiffers: 1, payeeDiffers: 1, onlyInStatement: 1, onlyInLedger: 1 };

const csvLine = (cells: string[]) =>
  cells.map((cell) => (/[",]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',');

function gbkCsv(): Buffer {
  const lines = [
    csvLine(['单位名称：泸州市财政局国库支付中心']),
    csvLine(['凭证号', '支付日期', '收款单位', '金额(元)']),
    ...statementRows().map(([voucher, date, payee, , amount]) => csvLine([voucher, date, payee, amount])),
    csvLine(['合计', '', '', '392345.67']),
  ];
  return iconv.encode(lines.join('\r\n') + '\r\n', 'gbk');
}

async function xlsxStatement(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('支付明细');
  sheet.addRow(['支付凭证号', '交易日期', '收款人名称', '统一社会信用代码', '支付金额']);
  for (const [voucher, date, payee, creditCode, amount] of statementRows())
    sheet.addRow([voucher || null, new Date(`${date}T00:00:00Z`), payee, creditCode || null, Number(amount)]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const ENGLISH = { 'accept-language': 'en' };

async function postStatement(
  file: Buffer,
  fields: Record<string, string> = {},
  token: string = TOKENS.finance,
  headers: Record<string, string> = {},
) {
  const form = new FormData();
  form.append('file', new Blob([file]), 'statement');
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const response = await fetch(`${ledger.url}/v1/reconciliations?minPosition=${position}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...headers },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as any };
}

const headPosition = async () => (await ledger.http.get('/health', { as: 'viewer' })).body.log.headPosition as number;

describe('POST /v1/reconciliations: a GBK CSV with Chinese headers', () => {
  let run: any;

  beforeAll(async () => {
    const answer = await postStatement(gbkCsv());
    expect(answer.status).toBe(201);
    run = answer.body;
  });

  it('detects GBK, finds the header under the preamble, skips the total row, defaults the period to the file', () => {
    expect(run.file).toEqual({
      sha256: createHash('sha256').update(gbkCsv()).digest('hex'),
      format: 'csv-gbk',
      columns: { voucher: '凭证号', amount: '金额(元)', date: '支付日期', payee: '收款单位', amountUnit: 'yuan' },
    });
    expect(run.period).toEqual({ from: '2027-04-01', to: '2027-04-25' });
    expect(run.rule).toBe('ledger.statement-matching');
  });

  it('finds every kind of outcome, each line with both sides', () => {
    expect(run.counts).toEqual(EXPECTED_COUNTS);
    const pick = (line: any) => [line.item, line.by, line.statement?.line ?? null, line.ledger?.voucher ?? null];
    expect(run.lines.matched.map(pick)).toEqual([
      [1, 'voucher', 3, 'PZ-001'],
      [4, 'amount-date-payee', 6, 'PZ-004'],
    ]);
    expect(run.lines.amountDiffers.map(pick)).toEqual([[2, 'voucher', 4, 'PZ-002']]);
    expect(run.lines.amountDiffers[0]).toMatchObject({
      statement: { amount: '190000.00', paidOn: '2027-04-05', payee: LEAD_NAME },
      ledger: { subsidyId, amount: '200000.00', recipient: consortium.lead.creditCode, payee: LEAD_NAME },
      difference: '-10000.00',
    });
    expect(run.lines.payeeDiffers.map(pick)).toEqual([[3, 'voucher', 5, 'PZ-003']]);
    expect(run.lines.onlyInStatement.map(pick)).toEqual([[5, null, 7, null]]);
    expect(run.lines.onlyInLedger.map(pick)).toEqual([[6, null, null, 'PZ-005']]);
  });

  it('totals both sides in yuan and 万元', () => {
    expect(run.totals).toEqual({
      statement: { yuan: '382345.67', wan: '38.234567' },
      ledger: { yuan: '400000.00', wan: '40.00' },
      difference: { yuan: '-17654.33', wan: '-1.765433' },
    });
    expect(run.differences).toEqual({ total: 4, resolved: 0, open: 4 });
  });

  it('is recorded: GET shows it again to a supervisor, with who ran it and when, and the audit trail has it', async () => {
    const again = await ledger.http.get(`/v1/reconciliations/${run.id}`, { as: 'supervisor' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(run);
    expect(run.actor).toBe('finance.wang');
    expect(run.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('a finance user resolves a difference with a note (recorded); a matched line or a second time is refused', async () => {
    const resolved = await ledger.http.post(
      `/v1/reconciliations/${run.id}/resolutions`,
      { item: 2, note: '国库少付1万元，已于2027-05-06补付' },
      { as: 'finance' },
    );
    expect(resolved.status).toBe(201);
    expect(resolved.body.lines.amountDiffers[0].resolved).toMatchObject({
      note: '国库少付1万元，已于2027-05-06补付',
      actor: 'finance.wang',
    });
    expect(resolved.body.differences).toEqual({ total: 4, resolved: 1, open: 3 });
    const head = await headPosition();
    const twice = await ledger.http.post(
      `/v1/reconciliations/${run.id}/resolutions`,
      { item: 2, note: 'again' },
      { as: 'finance' },
    );
    expect(twice.status).toBe(422);
    expect(twice.body.rule).toBe('ledger.difference-resolved');
    const matched = await ledger.http.post(
      `/v1/reconciliations/${run.id}/resolutions`,
      { item: 1, note: '—' },
      { as: 'finance' },
    );
    expect(matched.status).toBe(422);
    const missing = await ledger.http.post(
      `/v1/reconciliations/${run.id}/resolutions`,
      { item: 99, note: '—' },
      { as: 'finance' },
    );
    expect(missing.status).toBe(400);
    expect(await headPosition()).toBe(head);
    expect((await ledger.http.get(`/v1/reconciliations/${run.id}`, { as: 'finance' })).body.differences.resolved).toBe(
      1,
    );
  });

  it('exports as XLSX through the exports mechanism: Chinese headers, one row per line, totals in yuan and 万元', async () => {
    const answer = await ledger.http.get(`/v1/reconciliations/${run.id}`, { as: 'finance', headers: { accept: XLSX } });
    expect(answer.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(answer.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(3).value).toBe('核对结果');
    expect(sheet.getRow(1).getCell(9).value).toBe('对账单金额（元）');
    expect(sheet.getRow(3).getCell(3).value).toBe('金额不符');
    expect(sheet.getRow(3).getCell(15).value).toBe('国库少付1万元，已于2027-05-06补付');
    expect(sheet.getRow(8).getCell(1).value).toBe('合计');
    expect(sheet.getRow(8).getCell(9).value).toBe(382345.67);
    expect(sheet.getRow(8).getCell(14).value).toBe(400000);
  });

  it('GET of a run that does not exist is 404', async () => {
    expect((await ledger.http.get('/v1/reconciliations/nope', { as: 'finance' })).status).toBe(404);
  });
});

describe('POST /v1/reconciliations: other files, the same outcomes', () => {
  it('a UTF-8 CSV with English headers, named by a mapping, in 万元 and dates written 2027/4/1', async () => {
    const text = [
      'Voucher No,Value date,Beneficiary,Amount',
      ...statementRows().map(([voucher, date, payee, , amount]) =>
        csvLine([voucher, date.replace(/-0?/g, '/'), payee, String(Number(amount) / 10_000)]),
      ),
    ].join('\n');
    const mapping = {
      voucher: 'Voucher No',
      date: 'Value date',
      payee: 'Beneficiary',
      amount: 'Amount',
      amountUnit: 'wan',
    };
    const answer = await postStatement(Buffer.from(text, 'utf8'), {
      mapping: JSON.stringify(mapping),
      fiscalYear: '2027',
    });
    expect(answer.status).toBe(201);
    expect(answer.body.file.format).toBe('csv-utf8');
    expect(answer.body.fiscalYear).toBe(2027);
    expect(answer.body.counts).toEqual(EXPECTED_COUNTS);
    expect(answer.body.totals.statement.yuan).toBe('382345.67');
  });

  it('an XLSX with date cells, numbers and credit codes; another fiscal year selects no disbursement', async () => {
    const file = await xlsxStatement();
    const answer = await postStatement(file);
    expect(answer.status).toBe(201);
    expect(answer.body.file.format).toBe('xlsx');
    expect(answer.body.file.columns.creditCode).toBe('统一社会信用代码');
    expect(answer.body.counts).toEqual(EXPECTED_COUNTS);
    const otherYear = await postStatement(file, { fiscalYear: '2026', from: '2027-01-01', to: '2027-12-31' });
    expect(otherYear.status).toBe(201);
    expect(otherYear.body.period).toEqual({ from: '2027-01-01', to: '2027-12-31' });
    expect(otherYear.body.counts).toEqual({
      matched: 0,
      amountDiffers: 0,
      payeeDiffers: 0,
      onlyInStatement: 5,
      onlyInLedger: 0,
    });
  });

  it('the same Idempotency-Key and file answer the same run; the log records it once', async () => {
    const file = await xlsxStatement();
    const first = await postStatement(file, {}, TOKENS.finance, { 'idempotency-key': 'stmt-1' });
    const head = await headPosition();
    const again = await postStatement(file, {}, TOKENS.finance, { 'idempotency-key': 'stmt-1' });
    expect(again.body.id).toBe(first.body.id);
    expect(await headPosition()).toBe(head);
    const otherFile = await postStatement(gbkCsv(), {}, TOKENS.finance, { 'idempotency-key': 'stmt-1' });
    expect(otherFile.status).toBe(422);
  });
});

describe('POST /v1/reconciliations: what is refused, nothing recorded', () => {
  const refusals: Array<[string, () => Buffer, Record<string, string>, RegExp]> = [
    [
      'an amount that is not one, naming the line and column',
      () => iconv.encode('凭证号,日期,收款单位,金额\nPZ-1,2027-04-01,甲公司,100\nPZ-2,2027-04-02,乙公司,12x\n', 'gbk'),
      {},
      /line 3, column 金额: "12x" is not an amount/,
    ],
    [
      'a date that is not one',
      () => Buffer.from('凭证号,日期,金额\nPZ-1,2027-02-30,100\n'),
      {},
      /line 2, column 日期: "2027-02-30" is not a date/,
    ],
    ['a file without a recognisable header', () => Buffer.from('a,b,c\n1,2,3\n'), {}, /no header found/],
    [
      'a mapping that is not JSON',
      () => Buffer.from('凭证号,日期,金额\nPZ-1,2027-04-01,100\n'),
      { mapping: '{amount' },
      /mapping must be JSON/,
    ],
    [
      'a mapping naming a missing column',
      () => Buffer.from('凭证号,日期,金额\nPZ-1,2027-04-01,100\n'),
      { mapping: '{"amount":"金额","date":"付款日"}' },
      /no header|no column "付款日"/,
    ],
    ['an unclosed quote', () => Buffer.from('凭证号,日期,金额\n"PZ-1,2027-04-01,100\n'), {}, /not readable as CSV/],
    ['an .xls file', () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), {}, /\.xls file/],
    ['a broken XLSX', () => Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), {}, /not readable as XLSX/],
    ['an empty file', () => Buffer.alloc(0), {}, /empty/],
    ['a header and no lines', () => Buffer.from('凭证号,日期,金额\n'), {}, /no payment lines/],
    [
      'from after to',
      () => Buffer.from('凭证号,日期,金额\nPZ-1,2027-04-01,100\n'),
      { from: '2027-05-01', to: '2027-04-01' },
      /after/,
    ],
  ];

  it.each(refusals)('%s: 400', async (_case, file, fields, message) => {
    const head = await headPosition();
    const answer = await postStatement(file(), fields, TOKENS.finance, ENGLISH);
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(message);
    expect(await headPosition()).toBe(head);
  });

  it('the line and column of each bad cell are in details', async () => {
    const bad = Buffer.from('凭证号,日期,金额\nPZ-1,2027-04-01,-5\nPZ-2,someday,7\n');
    const answer = await postStatement(bad, {}, TOKENS.finance, ENGLISH);
    expect(answer.status).toBe(400);
    expect(answer.body.details).toEqual([
      { line: 2, column: '金额', problem: expect.stringContaining('above zero') },
      { line: 3, column: '日期', problem: expect.stringContaining('not a date') },
    ]);
  });

  it("a file's problems are in Chinese by default, each where it is", async () => {
    const head = await headPosition();
    const bad = Buffer.from('凭证号,日期,金额\nPZ-1,2027-04-01,-5\nPZ-2,someday,7\n');
    const answer = await postStatement(bad);
    expect(answer.status).toBe(400);
    expect(answer.body.details).toEqual([
      { line: 2, column: '金额', problem: '“-5”不是支付：金额应大于零' },
      { line: 3, column: '日期', problem: '“someday”不是日期（应为YYYY-MM-DD、YYYY/M/D、YYYYMMDD或YYYY年M月D日）' },
    ]);
    expect(answer.body.message).toBe(
      '第2行“金额”列：“-5”不是支付：金额应大于零；第3行“日期”列：“someday”不是日期（应为YYYY-MM-DD、YYYY/M/D、YYYYMMDD或YYYY年M月D日）',
    );
    const empty = await postStatement(Buffer.alloc(0));
    expect(empty.body.message).toBe('文件为空');
    expect(await headPosition()).toBe(head);
  });

  it('JSON instead of a file: 400 naming file', async () => {
    const answer = await ledger.http.post(
      '/v1/reconciliations',
      { file: 'x' },
      { as: 'finance', headers: { 'accept-language': 'en' } },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/file must be a file/);
  });

  it('a content coding, a part sent twice, a year not written in decimal: refused like any body (415, 400), nothing recorded', async () => {
    const before = await headPosition();
    const coded = await postStatement(gbkCsv(), {}, TOKENS.finance, { 'content-encoding': 'br' });
    expect(coded.status).toBe(415);
    const form = new FormData();
    form.append('file', new Blob([gbkCsv()]), 'statement');
    form.append('from', '2027-01-01');
    form.append('from', '2027-11-03');
    const twice = await fetch(`${ledger.url}/v1/reconciliations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.finance}`, ...ENGLISH },
      body: form,
    });
    expect(twice.status).toBe(400);
    expect(((await twice.json()) as { message: string }).message).toMatch(/"from" is sent more than once/);
    for (const fiscalYear of ['0x7e9', '2.025e3']) {
      const loose = await postStatement(gbkCsv(), { fiscalYear }, TOKENS.finance, ENGLISH);
      expect(loose.status).toBe(400);
      expect(loose.body.details).toEqual([expect.objectContaining({ field: 'fiscalYear' })]);
    }
    expect(await headPosition()).toBe(before);
  });

  it('two files: 413', async () => {
    const form = new FormData();
    form.append('file', new Blob([gbkCsv()]), 'a.csv');
    form.append('file', new Blob([gbkCsv()]), 'b.csv');
    const response = await fetch(`${ledger.url}/v1/reconciliations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.finance}` },
      body: form,
    });
    expect(response.status).toBe(413);
    // In the ledger's words, Chinese by default (the upload library's own were English only).
    expect(await response.json()).toEqual({ error: 'invalid-input', message: '一次上传只接受1个文件' });
  });

  it.each(['viewer', 'officer', 'supervisor'] as const)('%s may not run a match: 403', async (role) => {
    expect((await postStatement(gbkCsv(), {}, TOKENS[role])).status).toBe(403);
  });
});

/**
 * What a black-box review found, on its own statements: a Liaoning alliance whose lead, 沈阳重型机械有限公司, was paid
 * 2,000,000.00 on two grants, voucher pz-2026-005 on 2026-03-03 and PZ-2026-006 on 2026-03-04.
 */
describe('POST /v1/reconciliations: what a review found', () => {
  const PAYEE = '沈阳重型机械有限公司';
  const MARCH = { from: '2026-03-01', to: '2026-03-31' };
  let alliance: FundedConsortium;

  beforeAll(async () => {
    alliance = await consortiumWith(ledger, 'liaoning-2021-alliance', enterprise('shenyang', 9200, { name: PAYEE }));
    for (const [voucher, paidOn] of [
      ['pz-2026-005', '2026-03-03'],
      ['PZ-2026-006', '2026-03-04'],
    ]) {
      const grant = await postGrant(ledger, {
        consortiumId: alliance.id,
        recipient: alliance.lead.creditCode,
        category: 'liaoning.talent',
        amount: '2000000',
        fiscalYear: 2026,
        grantedOn: '2026-02-02',
      });
      expect(grant.status).toBe(201);
      const paid = await postSubsidy(ledger, grant.body.id, 'disbursements', { amount: '2000000', paidOn, voucher });
      expect(paid.status).toBe(201);
      position = paid.body.position;
    }
  }, 60_000);

  const csv = (...lines: string[]) => Buffer.from(lines.join('\n') + '\n', 'utf8');
  const pick = (line: any) => [line.outcome, line.by, line.statement?.line ?? null, line.ledger?.voucher ?? null];
  const all = (run: any) =>
    [
      ...run.lines.matched,
      ...run.lines.amountDiffers,
      ...run.lines.payeeDiffers,
      ...run.lines.onlyInStatement,
      ...run.lines.onlyInLedger,
    ]
      .sort((a, b) => a.item - b.item)
      .map(pick);

  it('a unit written in the cell is the cell’s unit: 200万元 under 金额 and 2000000元 under 金额(万元) are 2,000,000.00', async () => {
    const yuanColumn = await postStatement(
      csv(
        '凭证号,日期,收款单位,金额',
        `PZ-2026-005,2026-03-03,${PAYEE},200万元`,
        `PZ-2026-006,2026-03-04,${PAYEE},2000000`,
      ),
    );
    expect(yuanColumn.status).toBe(201);
    expect(yuanColumn.body.file.columns.amountUnit).toBe('yuan');
    expect(yuanColumn.body.lines.matched.map((line: any) => line.statement.amount)).toEqual([
      '2000000.00',
      '2000000.00',
    ]);
    expect(all(yuanColumn.body)).toEqual([
      ['matched', 'voucher', 2, 'pz-2026-005'],
      ['matched', 'voucher', 3, 'PZ-2026-006'],
    ]);

    const wanColumn = await postStatement(
      csv(
        '凭证号,日期,收款单位,金额(万元)',
        `PZ-2026-005,2026-03-03,${PAYEE},2000000元`,
        `PZ-2026-006,2026-03-04,${PAYEE},200`,
      ),
    );
    expect(wanColumn.status).toBe(201);
    expect(wanColumn.body.file.columns.amountUnit).toBe('wan');
    expect(wanColumn.body.lines.matched.map((line: any) => line.statement.amount)).toEqual([
      '2000000.00',
      '2000000.00',
    ]);
    expect(all(wanColumn.body)).toEqual(all(yuanColumn.body));
  });

  it('a duplicated line naming a voucher never pairs with a disbursement under another voucher', async () => {
    const line = `PZ-2026-005,2026-03-03,${PAYEE},2000000.00`;
    const run = await postStatement(csv('凭证号,日期,收款单位,金额', line, line), MARCH);
    expect(run.status).toBe(201);
    expect(all(run.body)).toEqual([
      ['matched', 'voucher', 2, 'pz-2026-005'],
      ['only-in-statement', null, 3, null],
      ['only-in-ledger', null, null, 'PZ-2026-006'],
    ]);
  });

  it('pairs with its own disbursement paid a day before the period compared (within 3 days), not another voucher', async () => {
    const run = await postStatement(csv('凭证号,日期,收款单位,金额', `PZ-2026-005,2026-03-04,${PAYEE},2000000.00`), {
      from: '2026-03-04',
      to: '2026-03-31',
    });
    expect(run.status).toBe(201);
    expect(all(run.body)).toEqual([
      ['matched', 'voucher', 2, 'pz-2026-005'],
      ['only-in-ledger', null, null, 'PZ-2026-006'],
    ]);
  });

  it('nor with one under another voucher when its own disbursement is beyond the period and its 3 days', async () => {
    // pz-2026-005 was paid 03-03, 4 days before the period; PZ-2026-006, 03-04, is within 3 days of the line, same
    // amount and payee, but under another voucher: no pair, and as it is outside the period it is not listed.
    const run = await postStatement(csv('凭证号,日期,收款单位,金额', `PZ-2026-005,2026-03-07,${PAYEE},2000000.00`), {
      from: '2026-03-07',
      to: '2026-03-31',
    });
    expect(run.status).toBe(201);
    expect(all(run.body)).toEqual([['only-in-statement', null, 2, null]]);
  });

  it('a payment whose 摘要 begins with 累计 is a payment; the total rows are left out', async () => {
    const run = await postStatement(
      csv(
        '凭证号,日期,摘要,收款单位,金额',
        `PZ-2026-005,2026-03-03,累计第二笔拨付,${PAYEE},2000000.00`,
        `PZ-2026-006,2026-03-04,合计拨付两笔之二,${PAYEE},2000000.00`,
        ',2026-03-31,本月合计,,4000000.00',
        '合计,,,,4000000.00',
        '累计,,,,4000000.00',
      ),
    );
    expect(run.status).toBe(201);
    expect(all(run.body)).toEqual([
      ['matched', 'voucher', 2, 'pz-2026-005'],
      ['matched', 'voucher', 3, 'PZ-2026-006'],
    ]);
  });

  it('the same statement gives the same reconciliation whatever the order of its lines', async () => {
    const early = `2026-03-04,${PAYEE},2000000`;
    const late = `2026-03-07,${PAYEE},2000000`;
    const inOrder = await postStatement(csv('日期,收款人,金额', early, late), MARCH);
    const swapped = await postStatement(csv('日期,收款人,金额', late, early), MARCH);
    expect([inOrder.status, swapped.status]).toEqual([201, 201]);
    // Nearest first across the statement: 03-04 pairs with the disbursement of the same day; 03-07 is then 3 days
    // from no disbursement left (pz-2026-005 is 4 days before it).
    expect(all(inOrder.body)).toEqual([
      ['matched', 'amount-date-payee', 2, 'PZ-2026-006'],
      ['only-in-statement', null, 3, null],
      ['only-in-ledger', null, null, 'pz-2026-005'],
    ]);
    expect(all(swapped.body)).toEqual([
      ['only-in-statement', null, 2, null],
      ['matched', 'amount-date-payee', 3, 'PZ-2026-006'],
      ['only-in-ledger', null, null, 'pz-2026-005'],
    ]);
    expect(swapped.body.counts).toEqual(inOrder.body.counts);
  });
});
