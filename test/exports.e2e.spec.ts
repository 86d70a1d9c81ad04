/**
 * Exports (issue 14) over real HTTP on a real SQLite log, opened back with exceljs and checked cell by cell: the
 * reconciliation, the funding view, a consortium's and a subsidy's audit trail and the subsidy list, as XLSX and as
 * CSV (UTF-8 with BOM); Chinese headers (English with Accept-Language: en), money in yuan, a total row in 万元, dates
 * as dates, a frozen header row, widths that fit.
 */
import ExcelJS from 'exceljs';
import { UTF8_BOM } from '@ledger/presentation/exports';
import { RunningLedger, startLedger, STORY_TODAY } from './support/ledger-test-app';
import {
  consortiumWith,
  FundedConsortium,
  leadFactory,
  parseCsv,
  postGrant,
  postSubsidy,
} from './support/subsidy-requests';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let ledger: RunningLedger;
let consortium: FundedConsortium;
let platformId: string;
let projectId: string;
let head: number;

beforeAll(async () => {
  ledger = await startLedger({ today: STORY_TODAY });
  consortium = await consortiumWith(ledger, 'luzhou-2024-consortium', leadFactory(9000)['luzhou-2024-consortium']());
  const on2027 = { fiscalYear: 2027, grantedOn: '2027-03-01' };
  const platform = await postGrant(ledger, {
    consortiumId: consortium.id,
    recipient: consortium.lead.creditCode,
    category: 'luzhou.platform',
    amount: '800000.50',
    platformId: 'LZ-EXPORT-PF',
    ...on2027,
  });
  const project = await postGrant(ledger, {
    consortiumId: consortium.id,
    recipient: consortium.lead.creditCode,
    category: 'luzhou.transformation',
    amount: '4000000',
    projectId: 'LZ-EXPORT-TR',
    ...on2027,
    grantedOn: '2027-03-02',
  });
  [platformId, projectId] = [platform.body.id, project.body.id];
  await postSubsidy(ledger, platformId, 'disbursements', { amount: '500000', paidOn: '2027-04-01', voucher: 'PZ,"1"' });
  await postSubsidy(ledger, projectId, 'cancellation', { amount: '1000000', on: '2027-04-02', reason: '预算调整' });
  const last = await postSubsidy(ledger, projectId, 'clawbacks', { amount: '0.01', on: '2027-05-01', reason: 'other' });
  expect(last.status).toBe(422); // nothing disbursed on the project yet: a refusal, nothing recorded
  head = (await ledger.http.get('/health', { as: 'viewer' })).body.log.headPosition;
}, 60_000);
afterAll(() => ledger.close());

const exportOf = (
  path: string,
  accept: string,
  language?: string,
  as: 'viewer' | 'supervisor' | 'finance' = 'viewer',
) =>
  ledger.http.get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${head}`, {
    as,
    headers: { accept, ...(language && { 'accept-language': language }) },
  });

async function workbookOf(answer: { status: number; bytes: Buffer; headers: Headers }) {
  expect(answer.status).toBe(200);
  expect(answer.headers.get('content-type')).toBe(XLSX);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(answer.bytes as unknown as ArrayBuffer);
  return book;
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
const wan = (yuan: string) => Number(yuan) / 10000;

describe('the reconciliation as XLSX', () => {
  const path = '/v1/reconciliation?fiscalYear=2027&policy=luzhou-2024-consortium';

  it('holds a Chinese header row, one row per subsidy with money as numbers and dates as dates, and the totals in yuan and 万元', async () => {
    const json = (await ledger.http.get(`${path}&minPosition=${head}`, { as: 'viewer' })).body;
    const answer = await exportOf(path, XLSX);
    expect(answer.headers.get('content-disposition')).toBe(
      'attachment; filename="reconciliation-luzhou-2024-consortium-2027.xlsx"',
    );
    const book = await workbookOf(answer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['对账']);
    const sheet = book.worksheets[0];
    expect(rowValues(sheet, 1)).toEqual([
      '补助编号',
      '政策',
      '财政年度',
      '联合体编号',
      '受助单位统一社会信用代码',
      '补助类别',
      '批准日期',
      '状态',
      '批准金额（元）',
      '取消金额（元）',
      '已拨付（元）',
      '已追回（元）',
      '已退回（元）',
      '未拨付（元）',
      '应退未退（元）',
    ]);
    expect(sheet.getRow(1).font).toMatchObject({ bold: true });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.rowCount).toBe(1 + 2 + 2);

    const platform = json.subsidies.find((s: { id: string }) => s.id === platformId);
    const row = sheet.getRow(2 + json.subsidies.indexOf(platform));
    expect(row.getCell(1).value).toBe(platformId);
    expect(row.getCell(3).value).toBe(2027);
    expect(row.getCell(7).value).toEqual(new Date(Date.UTC(2027, 2, 1)));
    expect(row.getCell(7).numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(9).value).toBe(800000.5);
    expect(row.getCell(9).numFmt).toBe('#,##0.00');
    expect(row.getCell(11).value).toBe(500000);
    expect(row.getCell(14).value).toBe(300000.5);

    const totals = rowValues(sheet, 4);
    expect(totals.slice(0, 3)).toEqual(['合计', 'luzhou-2024-consortium', 2027]);
    expect(totals.slice(8)).toEqual(
      ['granted', 'cancelled', 'disbursed', 'clawedBack', 'refunded', 'undisbursed', 'receivable'].map((field) =>
        Number(json.totals[field]),
      ),
    );
    expect(sheet.getRow(4).font).toMatchObject({ bold: true });
    const wanRow = sheet.getRow(5);
    expect(wanRow.getCell(1).value).toBe('合计（万元）');
    expect(wanRow.getCell(9).value).toBe(wan(json.totals.granted));
    expect(wanRow.getCell(9).value).toBe(480.00005);
    expect(wanRow.getCell(10).value).toBe(100);
    expect(wanRow.getCell(9).numFmt).toBe('#,##0.00####');

    // Every column at least as wide as its header (a Chinese character counts twice) and its widest value.
    sheet.columns.forEach((column, i) => {
      const header = String(rowValues(sheet, 1)[i]);
      expect([header, column.width!]).toEqual([header, expect.any(Number)]);
      expect(column.width!).toBeGreaterThanOrEqual([...header].length * 2);
    });
    expect(sheet.getColumn(1).width!).toBeGreaterThanOrEqual(platformId.length);
  });

  it('has English headers, the JSON fields, with Accept-Language: en', async () => {
    const sheet = (await workbookOf(await exportOf(path, XLSX, 'en-GB,en;q=0.9,zh;q=0.5'))).worksheets[0];
    expect(sheet.name).toBe('Reconciliation');
    expect(rowValues(sheet, 1).slice(0, 3)).toEqual(['id', 'policy', 'fiscalYear']);
    expect(sheet.getRow(4).getCell(1).value).toBe('TOTAL');
    expect(sheet.getRow(5).getCell(1).value).toBe('TOTAL (万元)');
    const preferringChinese = (await workbookOf(await exportOf(path, XLSX, 'zh-CN,en;q=0.8'))).worksheets[0];
    expect(preferringChinese.getRow(1).getCell(1).value).toBe('补助编号');
  });
});

describe('the reconciliation as CSV', () => {
  const path = '/v1/reconciliation?fiscalYear=2027';

  it('starts with a BOM, has Chinese headers, yuan rows and the totals in yuan and exactly in 万元', async () => {
    const answer = await exportOf(path, 'text/csv');
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...answer.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(answer.text.slice(UTF8_BOM.length));
    expect(header.slice(0, 2)).toEqual(['补助编号', '政策']);
    expect(header.at(-1)).toBe('应退未退（元）');
    expect(rows).toHaveLength(4);
    expect(rows.find((row) => row[0] === platformId)!.slice(6, 9)).toEqual(['2027-03-01', 'granted', '800000.50']);
    expect(rows[2].slice(0, 3)).toEqual(['合计', '', '2027']);
    expect(rows[2][8]).toBe('4800000.50');
    expect(rows[3][0]).toBe('合计（万元）');
    expect(rows[3].slice(8)).toEqual(['480.00005', '100.00', '50.00', '0.00', '0.00', '330.00005', '0.00']);
  });

  it('answers JSON unless CSV or XLSX is preferred; the role is the JSON answer’s', async () => {
    expect((await exportOf(path, '*/*')).headers.get('content-type')).toMatch(/^application\/json/);
    expect((await exportOf(path, `${XLSX};q=0.4, text/csv`)).headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await exportOf(path, `text/csv;q=0.4, ${XLSX}`)).headers.get('content-type')).toBe(XLSX);
    const officer = await ledger.http.get(path, { as: 'officer', headers: { accept: XLSX } });
    expect(officer.status).toBe(403);
    const bad = await ledger.http.get('/v1/reconciliation?fiscalYear=soon', {
      as: 'viewer',
      headers: { accept: XLSX },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('fiscalYear');
  });
});

describe('the other exports', () => {
  it('the funding view: the year’s subsidies with the view’s totals, and a sheet of the caps', async () => {
    const path = `/v1/funding/${consortium.lead.creditCode}?fiscalYear=2027`;
    const json = (await ledger.http.get(`${path}&minPosition=${head}`, { as: 'viewer' })).body;
    const book = await workbookOf(await exportOf(path, XLSX));
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['资金', '资金上限']);
    const [subsidies, caps] = book.worksheets;
    expect(rowValues(subsidies, 1).slice(0, 5)).toEqual(['补助编号', '联合体编号', '政策', '补助类别', '受助角色']);
    expect(subsidies.rowCount).toBe(1 + json.subsidies.length + 2);
    expect(subsidies.getRow(2).getCell(6).value).toEqual(new Date(Date.UTC(2027, 2, 1)));
    expect(rowValues(subsidies, subsidies.rowCount - 1).slice(7)).toEqual(
      ['granted', 'cancelled', 'disbursed', 'clawedBack', 'refunded', 'undisbursed', 'receivable'].map((field) =>
        Number(json[field]),
      ),
    );
    expect(subsidies.getRow(subsidies.rowCount).getCell(8).value).toBe(wan(json.granted));
    expect(rowValues(caps, 1)).toEqual([
      '规则',
      '条款',
      '范围',
      '上限（元）',
      '已使用（元）',
      '剩余额度（元）',
      '说明',
    ]);
    expect(caps.rowCount).toBe(1 + json.caps.length);
    const cap = json.caps[0];
    expect(rowValues(caps, 2).slice(0, 6)).toEqual([
      cap.rule,
      cap.citation,
      cap.scope,
      ...[cap.limit, cap.used, cap.headroom].map((v: string | null) => (v === null ? undefined : Number(v))),
    ]);
    // The cap's sentence as the JSON answer words it, in the file's language (not an object's default text).
    expect(rowValues(caps, 2)[6]).toBe(cap.detail);
    expect(cap.detail).toMatch(/[\u4e00-\u9fff]/);
    const csv = await exportOf(path, 'text/csv', 'en');
    expect(answerFileName(csv)).toBe(`funding-${consortium.lead.creditCode}-2027.csv`);
    expect(parseCsv(csv.text.slice(1))[0].slice(0, 2)).toEqual(['id', 'consortiumId']);
  });

  it('a subsidy’s audit trail: one row per event, recordedAt as a date in UTC+8, the amount in yuan', async () => {
    const path = `/v1/subsidies/${platformId}/history`;
    const json = (await ledger.http.get(`${path}?minPosition=${head}`, { as: 'supervisor' })).body;
    const book = await workbookOf(await exportOf(path, XLSX, undefined, 'supervisor'));
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('审计记录');
    expect(rowValues(sheet, 1).slice(0, 6)).toEqual([
      '日志位置',
      '记录时间（北京时间）',
      '事件',
      '规则',
      '条款',
      '金额（元）',
    ]);
    expect(sheet.rowCount).toBe(1 + json.events.length);
    const [grant, disbursement] = json.events;
    const recorded = sheet.getRow(2).getCell(2);
    expect(recorded.value).toEqual(new Date(Date.parse(grant.recordedAt) + 8 * 3600 * 1000));
    expect(recorded.numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(rowValues(sheet, 2).slice(2, 6)).toEqual(['SubsidyGranted', grant.rule, grant.citation, 800000.5]);
    expect(rowValues(sheet, 3)[5]).toBe(500000);
    expect(JSON.parse(sheet.getRow(3).getCell(10).value as string)).toEqual(disbursement.data);
    expect(sheet.getRow(3).getCell(11).value).toBe(disbursement.asOfHref);
    expect((await exportOf(path, XLSX, undefined, 'finance')).status).toBe(403);
  });

  it('a consortium’s audit trail as CSV, in English', async () => {
    const path = `/v1/consortia/${consortium.id}/history`;
    const answer = await exportOf(path, 'text/csv', 'en', 'supervisor');
    expect(answerFileName(answer)).toBe(`consortium-${consortium.id}-history.csv`);
    const [header, ...rows] = parseCsv(answer.text.slice(UTF8_BOM.length));
    expect(header.slice(0, 3)).toEqual(['position', 'recordedAt (UTC+8)', 'type']);
    expect(rows[0][2]).toBe('ConsortiumFiled');
    expect(rows[0][1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it.each([
    ['zh-CN', 'subsidies'],
    ['en', 'subsidies'],
    ['zh-CN', 'consortia'],
    ['en', 'consortia'],
  ])(
    'an audit trail’s data column (%s, %s) is the JSON the history answers, its sentences rendered, in XLSX and CSV',
    async (language, collection) => {
      const path = `/v1/${collection}/${collection === 'subsidies' ? platformId : consortium.id}/history`;
      const json = await ledger.http.get(`${path}?minPosition=${head}`, {
        as: 'supervisor',
        headers: { 'accept-language': language },
      });
      const data: unknown[] = json.body.events.map((event: { data: unknown }) => event.data);
      // The grant's checks and caps, the filing's eligibility: verdicts whose details are sentences.
      expect(JSON.stringify(data)).not.toContain('"say":');
      expect(JSON.stringify(data)).not.toContain('"titleOf":');

      const sheet = (await workbookOf(await exportOf(path, XLSX, language, 'supervisor'))).worksheets[0];
      const xlsxData = data.map((_, i) => JSON.parse(sheet.getRow(2 + i).getCell(10).value as string));
      expect(xlsxData).toEqual(data);
      const csv = await exportOf(path, 'text/csv', language, 'supervisor');
      const [, ...rows] = parseCsv(csv.text.slice(UTF8_BOM.length));
      expect(rows.map((row) => JSON.parse(row[9]))).toEqual(data);
    },
  );

  it('the subsidy list: every subsidy selected, not a page, with the sums of its money', async () => {
    const json = (await ledger.http.get(`/v1/subsidies?fiscalYear=2027&minPosition=${head}`, { as: 'viewer' })).body;
    const sheet = (await workbookOf(await exportOf('/v1/subsidies?fiscalYear=2027', XLSX))).worksheets[0];
    expect(rowValues(sheet, 1).slice(0, 2)).toEqual(['补助编号', '状态']);
    expect(sheet.rowCount).toBe(1 + json.total + 2);
    expect(sheet.getRow(1 + json.total + 1).getCell(9).value).toBe(4800000.5);
    expect(sheet.getRow(1 + json.total + 2).getCell(9).value).toBe(480.00005);
    const onePage = (await workbookOf(await exportOf('/v1/subsidies?fiscalYear=2027&limit=1', XLSX))).worksheets[0];
    expect(onePage.rowCount).toBe(1 + 1 + 2);
  });
});

const answerFileName = (answer: { headers: Headers }) =>
  /filename="([^"]+)"/.exec(answer.headers.get('content-disposition') ?? '')?.[1];
