import { Text, View } from '@tarojs/components';
import type { LedgerRow } from '@/domain/wish.schema';
import { formatShare } from './wish-format';

/** 需求 / 认领 / 销号 per community, and the share closed within the deadline. */
export function LedgerTable({ rows }: { rows: LedgerRow[] }) {
  if (rows.length === 0) return <Text className="wish-empty-note">暂无台账数据</Text>;
  return (
    <View className="ledger-table e2e-ledger">
      <View className="ledger-table__row ledger-table__row--head">
        <Text className="ledger-table__name">社区</Text>
        <Text className="ledger-table__num">需求</Text>
        <Text className="ledger-table__num">认领</Text>
        <Text className="ledger-table__num">销号</Text>
        <Text className="ledger-table__num">按期率</Text>
      </View>
      {rows.map((r) => (
        <View key={r.communityId} className={`ledger-table__row e2e-ledger-${r.communityId}`}>
          <Text className="ledger-table__name">{r.communityName}</Text>
          <Text className="ledger-table__num e2e-ledger-posted">{r.posted}</Text>
          <Text className="ledger-table__num e2e-ledger-claimed">{r.claimed}</Text>
          <Text className="ledger-table__num e2e-ledger-closed">{r.closed}</Text>
          <Text className="ledger-table__num">{formatShare(r.onTimeShare)}</Text>
        </View>
      ))}
    </View>
  );
}
