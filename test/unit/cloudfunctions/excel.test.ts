import { unzipSync, strFromU8 } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { ledgerWorkbook, NO_DATA, TOTAL_LABEL } from '../../../cloudfunctions/_shared/excel';
import type { LedgerTable } from '../../../src/domain/ledger-table';

const table = (rows: LedgerTable['rows'], totals: LedgerTable['totals'] = null): LedgerTable => ({
  title: '报到台账',
  scopeName: '湖滨社区',
  periodLabel: '2026-01-01 至 2026-12-31',
  columns: [
    { key: 'name', title: '姓名', kind: 'text', width: 10 },
    { key: 'reportedAt', title: '报到时间', kind: 'datetime' },
    { key: 'day', title: '确认日期', kind: 'date' },
    { key: 'hours', title: '服务时长（小时）', kind: 'decimal' },
    { key: 'count', title: '次数', kind: 'integer' },
    { key: 'rate', title: '满意率', kind: 'percent' },
  ],
  rows,
  totals,
  definitions: [{ column: '服务时长', text: '社区确认的服务时长之和' }],
});

/** Excel serials are fractions of a day: the reader returns them to within a millisecond. */
const toMinute = (value: unknown) => new Date(Math.round((value as Date).getTime() / 60_000) * 60_000).toISOString().slice(0, 16);

describe('the Excel module (LedgerTable → .xlsx)', () => {
  it('writes the title, scope and period, typed cells, the total row and the definitions', async () => {
    const file = await ledgerWorkbook(
      table(
        [
          { name: '张三', reportedAt: '2026-03-31 23:59', day: '2026-04-01', hours: 2.5, count: 3, rate: 0.5 },
          { name: '李四', reportedAt: '2026-01-01 00:00', day: null, hours: 1, count: 1, rate: 1 },
        ],
        { name: null, reportedAt: null, day: null, hours: 3.5, count: 4, rate: null },
      ),
    );
    const [sheet] = await readXlsxFile(file);
    const rows = sheet.data;
    expect(rows[0][0]).toBe('报到台账');
    expect(rows[1][0]).toBe('湖滨社区　2026-01-01 至 2026-12-31');
    expect(rows[2]).toEqual(['姓名', '报到时间', '确认日期', '服务时长（小时）', '次数', '满意率']);
    expect(rows[3][0]).toBe('张三');
    // The Shanghai wall clock survives: Excel shows 2026-03-31 23:59, not the UTC instant.
    expect(toMinute(rows[3][1])).toBe('2026-03-31T23:59');
    expect(toMinute(rows[3][2])).toBe('2026-04-01T00:00');
    expect(rows[3].slice(3)).toEqual([2.5, 3, 0.5]);
    expect(rows[5][0]).toBe(TOTAL_LABEL);
    expect(rows[5].slice(3, 5)).toEqual([3.5, 4]);
    expect(rows[6][0]).toBe('口径说明');
    expect(rows[7][0]).toBe('服务时长：社区确认的服务时长之和');
  });

  it('sets number formats, column widths and A4 page setup', async () => {
    const files = unzipSync(new Uint8Array(await ledgerWorkbook(table([{ name: '张三', reportedAt: '2026-03-31 23:59', day: '2026-04-01', hours: 2.5, count: 3, rate: 0.5 }]))));
    const sheetXml = strFromU8(files['xl/worksheets/sheet1.xml']);
    const styles = strFromU8(files['xl/styles.xml']);
    expect(sheetXml).toMatch(/<pageSetup[^>]*paperSize="9"/);
    expect(sheetXml).toMatch(/<col [^>]*width="10"/);
    expect(styles).toContain('formatCode="0.0%"');
    expect(styles).toContain('formatCode="yyyy-mm-dd hh:mm"');
  });

  it('prints landscape when the columns are wider than a portrait A4 page', async () => {
    const wide: LedgerTable = { ...table([]), columns: Array.from({ length: 8 }, (_, i) => ({ key: `c${i}`, title: `列${i}`, kind: 'text' as const, width: 14 })) };
    const files = unzipSync(new Uint8Array(await ledgerWorkbook(wide)));
    expect(strFromU8(files['xl/worksheets/sheet1.xml'])).toMatch(/orientation="landscape"/);
  });

  it('gives an empty table a header and a 无数据 row', async () => {
    const [sheet] = await readXlsxFile(await ledgerWorkbook({ ...table([]), definitions: [] }));
    expect(sheet.data[2][0]).toBe('姓名');
    expect(sheet.data[3][0]).toBe(NO_DATA);
    expect(sheet.data).toHaveLength(4);
  });
});
