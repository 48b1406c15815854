import { Text, View } from '@tarojs/components';
import type { Cell, LedgerTable, TableColumn } from '@/domain/ledger-table';
import './ledger-table-view.scss';

/**
 * A `LedgerTable` on a phone: one card per row (the first column as its heading, every other column as 「标题：值」),
 * the total row as the last card, and the definitions underneath. Wide tables stay readable at 16 px without
 * sideways scrolling; the .xlsx file holds the same table as a grid.
 */
const shown = (column: TableColumn, value: Cell): string => {
  if (value === null || value === '') return '—';
  if (typeof value === 'number' && column.kind === 'percent') return `${Math.round(value * 1000) / 10}%`;
  return String(value);
};

function RowCard({ columns, row, total }: { columns: TableColumn[]; row: Record<string, Cell>; total?: boolean }) {
  const [head, ...rest] = columns;
  return (
    <View className={`ledger-table__row${total ? ' ledger-table__row--total e2e-ledger-total' : ' e2e-ledger-row'}`}>
      <Text className="ledger-table__head">{total && (row[head.key] ?? '') === '' ? '合计' : shown(head, row[head.key] ?? null)}</Text>
      {rest
        .filter((c) => !total || (row[c.key] ?? null) !== null)
        .map((c) => (
          <View key={c.key} className="ledger-table__field">
            <Text className="ledger-table__label">{c.title}</Text>
            <Text className="ledger-table__value">{shown(c, row[c.key] ?? null)}</Text>
          </View>
        ))}
    </View>
  );
}

export function LedgerTableView({ table }: { table: LedgerTable }) {
  return (
    <View className="ledger-table e2e-ledger-table">
      <Text className="ledger-table__scope">{`${table.scopeName}　${table.periodLabel}`}</Text>
      {table.rows.length === 0 ? (
        <Text className="ledger-table__empty e2e-ledger-empty">无数据</Text>
      ) : (
        table.rows.map((row, i) => <RowCard key={i} columns={table.columns} row={row} />)
      )}
      {table.totals && <RowCard columns={table.columns} row={table.totals} total />}
      {table.definitions.length > 0 && (
        <View className="ledger-table__definitions">
          <Text className="ledger-table__label">口径说明</Text>
          {table.definitions.map((d) => (
            <Text key={d.column} className="ledger-table__definition">{`${d.column}：${d.text}`}</Text>
          ))}
        </View>
      )}
    </View>
  );
}
