/**
 * A parameter's value in words for docs/POLICIES.md: money in 亿元 or 万元 (or yuan when not a whole 万), shares as
 * percentages, review steps as arrows. The view gives money as yuan strings already; nothing here is in fen.
 */
import { FEN_PER_WAN, yuanToFen } from '@ledger/domain/shared/money';
import { ParameterView } from '../policy-catalogue.view';
import { code } from './markdown';

/** 1亿元 = 10,000万元. */
const FEN_PER_YI = 10_000 * FEN_PER_WAN;

export function moneyText(yuan: unknown): string {
  if (yuan === null) return 'no cap';
  if (typeof yuan !== 'string') return valueText(yuan);
  const fen = yuanToFen(yuan);
  if (fen % FEN_PER_YI === 0) return `${fen / FEN_PER_YI}亿元`;
  return fen % FEN_PER_WAN === 0 ? `${fen / FEN_PER_WAN}万元` : `${yuan} yuan`;
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return code(value);
  if (Array.isArray(value)) {
    // Review steps: stages of one step together (+), steps in order (→).
    if (value.every(Array.isArray)) return value.map((step: unknown[]) => step.map(valueText).join(' + ')).join(' → ');
    return value.map(valueText).join(', ');
  }
  const record = value as Record<string, unknown>;
  if (typeof record.name === 'string') return record.name; // an evaluation aspect: { key, name }
  if (typeof record.days === 'number' && typeof record.unit === 'string')
    return `${record.days} ${record.unit.replace('-', ' ')}`;
  return Object.entries(record)
    .map(([key, v]) => `${key} ${valueText(v)}`)
    .join('; ');
}

/** One version's value, in the parameter's unit (told by its name, as the policy modules name them). */
export function parameterValueText(parameter: ParameterView, value: unknown): string {
  const { name } = parameter;
  if (parameter.unit === 'yuan') return moneyText(value);
  if (typeof value === 'number') {
    if (name.endsWith('BasisPoints')) return `${value / 100}%`;
    if (name.endsWith('Hundredths')) return (value / 100).toFixed(2);
    if (name.endsWith('Percent')) return `${value}%`;
    if (name.endsWith('Years')) return `${value} years`;
    if (name.endsWith('Months')) return `${value} months`;
  }
  return valueText(value);
}

export const periodText = ({ from, to }: { from: string; to?: string }): string =>
  to ? `${from} – ${to}` : `from ${from}`;
