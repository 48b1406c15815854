import writeExcelFile, { type Cell as XlsxCell, type Row } from 'write-excel-file/node';
import type { Cell, CellKind, LedgerTable, TableColumn } from '../../src/domain/ledger-table';

/**
 * The one place a `LedgerTable` becomes an .xlsx file (every table and ledger goes through here). Library choice in
 * docs/architecture.md (write-excel-file: pure JS on fflate, small and quick to load in a cold function).
 *
 * Layout: title row, scope + period row, header row, data rows (or one 「无数据」 row), the total row, then the
 * definitions of the columns. Cells are typed (numbers are numbers, dates are dates) with number formats, so the
 * file sums and sorts in Excel/WPS as the screen does; widths and A4 page setup make it print as the unit files it.
 */

const FORMATS: Record<CellKind, string | undefined> = {
  text: undefined,
  integer: '0',
  decimal: '0.0',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
};

/** Default widths (characters) by kind, when the column does not say. */
const DEFAULT_WIDTHS: Record<CellKind, number> = { text: 14, integer: 10, decimal: 10, percent: 10, date: 12, datetime: 17 };

/** Beyond this many characters of column width the sheet prints landscape on A4 (portrait holds about 90). */
const PORTRAIT_MAX_WIDTH = 90;

export const NO_DATA = '无数据';
export const TOTAL_LABEL = '合计';

/**
 * A stored wall-clock time ('YYYY-MM-DD' or 'YYYY-MM-DD HH:mm', already in Asia/Shanghai) as the Date Excel shows
 * unchanged: Excel has no time zones, so the serial number must carry the Shanghai clock, not the UTC instant.
 */
function wallClock(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/.exec(text);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)));
}

function cellOf(column: TableColumn, value: Cell, bold = false): XlsxCell {
  const weight = bold ? { fontWeight: 'bold' as const } : {};
  if (value === null || value === '') return { value: undefined, ...weight };
  const format = FORMATS[column.kind];
  if (typeof value === 'number' && format && column.kind !== 'date' && column.kind !== 'datetime') {
    return { value, type: Number, format, align: 'right', ...weight };
  }
  if ((column.kind === 'date' || column.kind === 'datetime') && typeof value === 'string') {
    const date = wallClock(value);
    if (date) return { value: date, type: Date, format, align: 'center', ...weight };
  }
  return { value: String(value), type: String, wrap: true, ...weight };
}

const spanning = (value: string, count: number, style: Omit<Extract<XlsxCell, object>, 'value'> = {}): Row => [
  { value, type: String, columnSpan: count, ...style },
  ...Array.from({ length: count - 1 }, () => null),
];

/** The sheet rows of a table: what the file holds. */
function sheetRows(table: LedgerTable): Row[] {
  const { columns } = table;
  const n = Math.max(columns.length, 1);
  const rows: Row[] = [
    spanning(table.title, n, { fontWeight: 'bold', fontSize: 16, align: 'center' }),
    spanning(`${table.scopeName}　${table.periodLabel}`, n, { align: 'center' }),
    columns.map((c) => ({ value: c.title, type: String, fontWeight: 'bold', align: 'center', wrap: true, borderStyle: 'thin' })),
  ];
  if (table.rows.length === 0) rows.push(spanning(NO_DATA, n, { align: 'center' }));
  for (const row of table.rows) rows.push(columns.map((c) => cellOf(c, row[c.key] ?? null)));
  if (table.totals) {
    const totals = table.totals;
    rows.push(
      columns.map((c, i) => {
        const value = totals[c.key] ?? null;
        // The first column carries the word 合计 when the table gives it no value of its own.
        if (i === 0 && (value === null || value === '')) return { value: TOTAL_LABEL, type: String, fontWeight: 'bold' };
        return cellOf(c, value, true);
      }),
    );
  }
  if (table.definitions.length > 0) {
    rows.push(spanning('口径说明', n, { fontWeight: 'bold' }));
    for (const d of table.definitions) rows.push(spanning(`${d.column}：${d.text}`, n, { wrap: true }));
  }
  return rows;
}

/** The .xlsx file of a table, ready to upload. */
export async function ledgerWorkbook(table: LedgerTable): Promise<Buffer> {
  const widths = table.columns.map((c) => c.width ?? DEFAULT_WIDTHS[c.kind]);
  const landscape = widths.reduce((a, b) => a + b, 0) > PORTRAIT_MAX_WIDTH;
  // Any orientation makes the library write <pageSetup paperSize="9"> (A4); its types only name 'landscape'.
  const orientation = (landscape ? 'landscape' : 'portrait') as 'landscape';
  return writeExcelFile(sheetRows(table), {
    sheet: table.title.slice(0, 31),
    columns: widths.map((width) => ({ width })),
    orientation,
    // Title, scope and header stay visible while scrolling a long ledger.
    stickyRowsCount: 3,
  }, { fontFamily: '宋体', fontSize: 11 }).toBuffer();
}
