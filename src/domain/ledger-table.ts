/**
 * The one shape of every table and ledger (四进四联 统计表, 报到台账, 微心愿台账 …): the screen renders it, the
 * function exports it to .xlsx, a test reads the file back and compares. Built by pure functions from the data.
 */
export type CellKind = 'text' | 'integer' | 'decimal' | 'percent' | 'date' | 'datetime';

export interface TableColumn {
  key: string;
  /** The Chinese header. */
  title: string;
  kind: CellKind;
  /** Character width for printing on A4 (Excel column width). */
  width?: number;
}

export type Cell = string | number | null;

export interface LedgerTable {
  /** e.g. 四进四联活动进展情况统计表 */
  title: string;
  /** The unit, community or street the table is about. */
  scopeName: string;
  /** The period in words, e.g. 2026年第4季度 or 2026-10-01 至 2026-12-31. */
  periodLabel: string;
  columns: TableColumn[];
  rows: Record<string, Cell>[];
  /** The total row (sums of the numeric columns), or null where a total means nothing. */
  totals: Record<string, Cell> | null;
  /** How each column is computed, in Chinese, shown under the table and in the file. */
  definitions: { column: string; text: string }[];
}
