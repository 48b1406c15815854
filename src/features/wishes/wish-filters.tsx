import { View } from '@tarojs/components';
import { OptionPicker } from '@/components/option-picker';
import type { CommunityView } from '@/domain/user.schema';
import { BENEFICIARY_TYPES, WISH_CATEGORIES, type WallFilters } from '@/domain/wish.schema';

const ALL = '';
const withAll = (label: string, values: readonly string[]) => [{ value: ALL, label }, ...values.map((v) => ({ value: v, label: v }))];

/** Community, category and beneficiary type; an empty choice means all. */
export function WishFilters({ communities, value, onChange }: { communities: CommunityView[]; value: WallFilters; onChange: (next: WallFilters) => void }) {
  const set = (key: keyof WallFilters, v: string) => onChange({ ...value, [key]: v === ALL ? undefined : v });
  return (
    <View className="wish-filters">
      <OptionPicker
        hook="wall-community"
        title="选择社区"
        options={[{ value: ALL, label: '全部社区' }, ...communities.map((c) => ({ value: c.id, label: c.name }))]}
        value={value.communityId ?? ALL}
        onChange={(v) => set('communityId', v)}
      />
      <OptionPicker hook="wall-category" title="心愿类别" options={withAll('全部类别', WISH_CATEGORIES)} value={value.category ?? ALL} onChange={(v) => set('category', v)} />
      <OptionPicker
        hook="wall-beneficiary"
        title="对象类型"
        options={withAll('全部对象', BENEFICIARY_TYPES)}
        value={value.beneficiaryType ?? ALL}
        onChange={(v) => set('beneficiaryType', v)}
      />
    </View>
  );
}
