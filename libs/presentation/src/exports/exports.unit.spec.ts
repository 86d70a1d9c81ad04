import { csvField, csvOf, UTF8_BOM } from './csv.export';
import { timestampText } from './export-dates';
import { fenToWan } from './export-money';
import { ExportSheet } from './export-sheet';

const sheet: ExportSheet = {
  name: { zh: '补助', en: 'Subsidies' },
  columns: [
    { key: 'id', header: { zh: '编号', en: 'id' }, kind: 'text' },
    { key: 'on', header: { zh: '日期', en: 'on' }, kind: 'date' },
    { key: 'at', header: { zh: '记录时间', en: 'at' }, kind: 'timestamp' },
    { key: 'amount', header: { zh: '金额（元）', en: 'amount' }, kind: 'yuan' },
  ],
  rows: [
    { id: 'a,"1"', on: '2027-03-01', at: '2027-03-01T16:30:00.000Z', amount: '12345.67' },
    { id: 'b', on: '2027-03-02', at: null, amount: '0.01' },
  ],
  totals: 'sum',
};

describe('CSV exports', () => {
  it('start with a BOM, quote per RFC 4180, show timestamps in UTC+8 and end with the totals in yuan and 万元', () => {
    expect(csvOf(sheet, 'zh')).toBe(
      UTF8_BOM +
        '编号,日期,记录时间,金额（元）\r\n' +
        '"a,""1""",2027-03-01,2027-03-02 00:30:00,12345.67\r\n' +
        'b,2027-03-02,,0.01\r\n' +
        '合计,,,12345.68\r\n' +
        '合计（万元）,,,1.234568\r\n',
    );
    expect(csvOf({ ...sheet, totals: undefined }, 'en').split('\r\n')[0]).toBe(`${UTF8_BOM}id,on,at,amount`);
  });

  it('quote a field with a comma, a quote or a line break, and nothing else', () => {
    expect(csvField('LZ,PZ "1"')).toBe('"LZ,PZ ""1"""');
    expect(csvField('line\r\nbreak')).toBe('"line\r\nbreak"');
    expect(csvField('评审通过')).toBe('评审通过');
    expect(csvField(null)).toBe('');
    expect(csvField(2027)).toBe('2027');
  });
});

describe('万元 and timestamps', () => {
  it.each([
    [480_000_000_00 / 100, '480.00'],
    [480_000_050, '480.00005'],
    [123_456, '0.123456'],
    [1_200_000, '1.20'],
    [0, '0.00'],
    [-1_000_010, '-1.00001'],
  ])('%i fen is %s 万元, exactly', (fen, text) => expect(fenToWan(fen)).toBe(text));

  it('shows a recordedAt in China Standard Time', () =>
    expect(timestampText('2025-12-31T16:00:00.000Z')).toBe('2026-01-01 00:00:00'));
});
