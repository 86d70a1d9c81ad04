import { renderSentence } from '@ledger/presentation/sentences/render-words';
import { isSentence, Sentence } from '@ledger/domain/shared/sentence';
import { amountFen } from './statement-lines';

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
