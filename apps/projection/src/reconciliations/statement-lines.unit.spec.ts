import { renderSentence } from '@ledger/presentation/sentences/render-words';
import { isSentence, Sentence } from '@ledger/domain/shared/sentence';
import { statementLayout } from './statement-columns';
import { StatementCell } from './statement-file';
import { amountFen, statementLines } from './statement-lines';

const english = (value: number | Sentence) => (isSentence(value) ? renderSentence(value, 'en') : value);

describe('amountFen: a statement cell as fen', () => {
  it.each<[string | number, 'yuan' | 'wan', number]>([
    ['100000', 'yuan', 100_000_00],
    ['100,000.00', 'yuan', 100_000_00],
    ['¥100000.00', 'yuan', 100_000_00],
    ['￥1，000.5', 'yuan', 1_000_50],
    [100000.5, 'yuan', 100_000_50],
    ['50', 'wan', 500_000_00],
    ['0.000001', 'wan', 1],
    [50.5, 'wan', 505_000_00],
  ])('a bare number takes the column’s unit: %p in %s', (cell, unit, fen) => {
    expect(amountFen(cell, unit)).toBe(fen);
  });

  it.each<[string, 'yuan' | 'wan', number]>([
    ['50万元', 'yuan', 500_000_00],
    ['50万元', 'wan', 500_000_00],
    ['¥ 12.345678 万元', 'yuan', 123_456_78],
    ['500000元', 'wan', 500_000_00],
    ['500000元', 'yuan', 500_000_00],
    ['500,000.00 元', 'wan', 500_000_00],
  ])('a unit written in the cell is the cell’s own: %p in a %s column', (cell, unit, fen) => {
    expect(amountFen(cell, unit)).toBe(fen);
  });

  it.each<[string, 'yuan' | 'wan', RegExp]>([
    ['1.234元', 'wan', /more than 2 decimals \(yuan\)/],
    ['1.2345678万元', 'yuan', /more than 6 decimals \(万元\)/],
    ['12x万元', 'yuan', /is not an amount in 万元/],
    ['50万', 'yuan', /is not an amount in yuan/],
    ['元', 'yuan', /is not an amount in yuan/],
    ['-5万元', 'yuan', /above zero/],
  ])('refuses %p in a %s column', (cell, unit, problem) => {
    expect(english(amountFen(cell, unit))).toMatch(problem);
  });
});

describe('statementLines: total rows are left out, payments kept whatever their 摘要 says', () => {
  const HEADER = ['凭证号', '日期', '摘要', '收款单位', '金额'];
  const linesOf = (...body: StatementCell[][]) =>
    statementLines(statementLayout([HEADER, ...body].map((cells, at) => ({ line: at + 1, cells })))).map(
      ({ line, voucher }) => [line, voucher ?? null],
    );

  it('keeps a payment whose 摘要 begins with 累计, 合计, 小计 or 总计: it has a date, or a voucher', () => {
    expect(
      linesOf(
        ['PZ-1', '2026-03-03', '累计第二笔拨付', '沈阳重型机械有限公司', '2000000.00'],
        ['', '2026-03-04', '合计拨付两笔之二', '沈阳重型机械有限公司', '2000000.00'],
        ['PZ-3', '2026-03-05', '小计', '沈阳重型机械有限公司', '1000.00'],
        ['PZ-4', new Date('2026-03-06T00:00:00Z'), '总计划内拨付', null, 1000],
      ),
    ).toEqual([
      [2, 'PZ-1'],
      [3, null],
      [4, 'PZ-3'],
      [5, 'PZ-4'],
    ]);
  });

  it.each<[string, StatementCell[]]>([
    ['合计 in the voucher column', ['合计', '', '', '', '4000000.00']],
    ['合 计, spaced', ['合  计', null, null, null, '4000000.00']],
    ['本页合计 in the 摘要', ['', '', '本页合计', '', '4000000.00']],
    ['总计 with a colon', ['', '', '总计：', '', '4000000.00']],
    ['小计 in the date column', ['', '小计', '', '', '4000000.00']],
    ['累计 with text after it and no date', ['', '', '累计3笔', '', '6000000.00']],
    ['合计（大写） with the amount in words and no date', ['合计（大写）：肆佰万元整', '', '', '', '4000000.00']],
    ['本月合计 alone, on a date', ['', '2026-03-31', '本月合计', '', '4000000.00']],
    ['本年累计（元） alone, on a date', ['', '2026-12-31', '本年累计（元）', '', '4000000.00']],
  ])('leaves out a total row: %s', (_case, total) => {
    expect(linesOf(['PZ-1', '2026-03-03', '拨付', '沈阳重型机械有限公司', '1.00'], total)).toEqual([[2, 'PZ-1']]);
  });

  it('a row naming a voucher is a payment line even beside 合计: a missing date is a problem, not a total', () => {
    expect(() => linesOf(['PZ-1', '', '合计', '', '4000000.00'])).toThrow(/line 2, column 日期: "" is not a date/);
  });
});
