/**
 * Which column holds what: named by a `mapping` (JSON: `{ "voucher", "amount", "date", "payee", "creditCode",
 * "amountUnit" }`, each a header of the file), or recognised from a Chinese header row — 凭证号/金额/日期/收款单位 and
 * their usual variants. The header is the first of the file's first 20 rows that names an amount and a date (bank
 * exports often begin with the account's name and the period). An amount header saying 万元 reads amounts in 万元.
 */
import { StatementColumns } from '@ledger/domain/reconciliation/statement';
import { StatementCell, StatementProblem, StatementRow } from './statement-file';
import { say } from '@ledger/domain/shared/sentence';

export type ColumnRole = 'voucher' | 'amount' | 'date' | 'payee' | 'creditCode';
const ROLES: ReadonlyArray<ColumnRole> = ['voucher', 'amount', 'date', 'payee', 'creditCode'];

/** Header words by role, compared after NFKC, without spaces and without a trailing unit in brackets. */
export const HEADER_VARIANTS: Record<ColumnRole, ReadonlyArray<string>> = {
  voucher: [
    '凭证号',
    '凭证编号',
    '凭证号码',
    '支付凭证号',
    '记账凭证号',
    '凭单号',
    '单据号',
    '交易流水号',
    '流水号',
    '业务编号',
  ],
  amount: [
    '金额',
    '支付金额',
    '付款金额',
    '交易金额',
    '拨付金额',
    '支出金额',
    '发生额',
    '借方发生额',
    '借方金额',
    '实付金额',
  ],
  date: ['日期', '支付日期', '付款日期', '交易日期', '记账日期', '拨付日期', '入账日期', '交易时间'],
  payee: [
    '收款单位',
    '收款单位名称',
    '收款人',
    '收款人名称',
    '收款方',
    '收款方名称',
    '收款户名',
    '对方户名',
    '对方账户名称',
    '对方单位',
  ],
  creditCode: ['统一社会信用代码', '收款单位统一社会信用代码', '收款人统一社会信用代码', '社会信用代码', '信用代码'],
};

const HEADER_SCAN_ROWS = 20;

const headerWord = (cell: StatementCell): string =>
  String(cell ?? '')
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/\((元|万元|人民币元?)\)$/u, '');

const saysWan = (cell: StatementCell): boolean => /万元/u.test(String(cell ?? '').normalize('NFKC'));

export interface StatementLayout {
  columns: StatementColumns;
  /** Each role's column index. */
  index: Partial<Record<ColumnRole, number>>;
  headerLine: number;
  /** The rows after the header. */
  body: StatementRow[];
}

export interface StatementMapping {
  voucher?: string;
  amount?: string;
  date?: string;
  payee?: string;
  creditCode?: string;
  amountUnit?: 'yuan' | 'wan';
}

const MAPPING_KEYS = [...ROLES, 'amountUnit'];

/** The `mapping` field: JSON naming columns by their header; a 400 naming what is wrong with it. */
export function parseMapping(text: string | undefined): StatementMapping | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new StatementProblem([
      { column: 'mapping', problem: say`mapping must be JSON, e.g. ${'{"amount":"支付金额","date":"支付日期"}'}` },
    ]);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new StatementProblem([{ problem: say`mapping must be a JSON object naming columns by role` }]);
  const problems = Object.entries(value).flatMap(([key, name]) =>
    !MAPPING_KEYS.includes(key)
      ? [{ problem: say`mapping names an unknown role "${key}" (roles: ${MAPPING_KEYS.join(', ')})` }]
      : key === 'amountUnit'
        ? name === 'yuan' || name === 'wan'
          ? []
          : [{ problem: say`mapping.amountUnit must be "yuan" or "wan"` }]
        : typeof name === 'string' && name.trim() !== ''
          ? []
          : [{ problem: say`mapping.${key} must name a column header` }],
  );
  if (problems.length > 0) throw new StatementProblem(problems);
  return value;
}

export function statementLayout(rows: StatementRow[], mapping?: StatementMapping): StatementLayout {
  const candidates = rows.slice(0, HEADER_SCAN_ROWS);
  const header = mapping
    ? candidates.find((row) => mappedIndex(row, mapping).amount !== undefined)
    : candidates.find((row) => {
        const found = recognisedIndex(row);
        return found.amount !== undefined && found.date !== undefined;
      });
  if (!header) {
    const wanted =
      mapping?.amount !== undefined
        ? say`the column "${mapping.amount}" the mapping names`
        : mapping
          ? say`the amount column, which the mapping does not name`
          : say`a header row naming an amount (${HEADER_VARIANTS.amount.slice(0, 3).join('/')}…) and a date (${HEADER_VARIANTS.date.slice(0, 3).join('/')}…)`;
    throw new StatementProblem([
      { problem: say`no header found in the first ${HEADER_SCAN_ROWS} rows: expected ${wanted}, or give mapping` },
    ]);
  }
  const index = mapping ? mappedIndex(header, mapping) : recognisedIndex(header);
  if (mapping) {
    const missing = ROLES.filter((role) => mapping[role] !== undefined && index[role] === undefined);
    if (missing.length > 0)
      throw new StatementProblem(
        missing.map((role) => ({
          line: header.line,
          problem: say`the header has no column "${mapping[role]}" (mapping.${role})`,
        })),
      );
  }
  const required = (['amount', 'date'] as const).filter((role) => index[role] === undefined);
  if (required.length > 0)
    throw new StatementProblem(
      required.map((role) => ({ line: header.line, problem: say`no ${role} column: name it in mapping.${role}` })),
    );
  const nameOf = (role: ColumnRole) =>
    index[role] === undefined ? undefined : String(header.cells[index[role]]).trim();
  const columns: StatementColumns = {
    ...Object.fromEntries(ROLES.flatMap((role) => (nameOf(role) === undefined ? [] : [[role, nameOf(role)]]))),
    amount: nameOf('amount')!,
    date: nameOf('date')!,
    amountUnit: mapping?.amountUnit ?? (saysWan(header.cells[index.amount!]) ? 'wan' : 'yuan'),
  };
  return { columns, index, headerLine: header.line, body: rows.filter((row) => row.line > header.line) };
}

function recognisedIndex(row: StatementRow): Partial<Record<ColumnRole, number>> {
  const words = row.cells.map(headerWord);
  return Object.fromEntries(
    ROLES.flatMap((role) => {
      const at = words.findIndex((word) => HEADER_VARIANTS[role].includes(word));
      return at === -1 ? [] : [[role, at]];
    }),
  );
}

function mappedIndex(row: StatementRow, mapping: StatementMapping): Partial<Record<ColumnRole, number>> {
  const words = row.cells.map((cell) => String(cell ?? '').trim());
  return Object.fromEntries(
    ROLES.flatMap((role) => {
      const name = mapping[role];
      const at = name === undefined ? -1 : words.indexOf(name.trim());
      return at === -1 ? [] : [[role, at]];
    }),
  );
}
