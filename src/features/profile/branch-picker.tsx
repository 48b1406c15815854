import { useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import { Popup } from '@nutui/nutui-react-taro';
import type { OrgSummary } from '@/domain/organisation.schema';
import { ListCell } from '@/components/list-cell';
import { AsyncView } from '@/components/state-views';
import { call } from '@/lib/cloud';
import { useAsync } from '@/lib/use-async';
import '@/components/option-picker.scss';

export interface PickedBranch {
  id: string;
  name: string;
}

/**
 * 所在党支部, chosen from the organisation tree one level at a time (街道/单位 → 社区党组织/党总支 → 党支部): a row
 * that is not a branch opens its level, a branch is the choice. Hooks: `e2e-branch-picker`, rows `e2e-branch-node-<id>`.
 */
export function BranchPicker({ value, onChange }: { value: PickedBranch | null; onChange: (branch: PickedBranch) => void }) {
  const [open, setOpen] = useState(false);
  const [path, setPath] = useState<OrgSummary[]>([]);
  const parentId = path.length ? path[path.length - 1].id : null;
  const level = useAsync(() => (open ? call('org', 'children', { parentId }) : Promise.resolve({ items: [] as OrgSummary[] })), [open, parentId]);
  const choose = (node: OrgSummary) => {
    if (node.type !== 'branch') {
      setPath((p) => [...p, node]);
      return;
    }
    onChange({ id: node.id, name: node.name });
    setOpen(false);
    setPath([]);
  };
  return (
    <>
      <View className="option-picker__trigger e2e-branch-picker" onClick={() => setOpen(true)}>
        <Text className={value ? 'option-picker__value' : 'option-picker__placeholder'}>{value ? value.name : '从组织架构中选择党支部'}</Text>
        <Text className="option-picker__arrow">›</Text>
      </View>
      <Popup visible={open} position="bottom" round closeable title={path.length ? path.map((p) => p.name).join(' › ') : '选择街道或单位'} onClose={() => setOpen(false)}>
        <ScrollView scrollY className="option-picker__list">
          {path.length > 0 && <ListCell className="e2e-branch-up" title="‹ 返回上一级" onClick={() => setPath((p) => p.slice(0, -1))} />}
          <AsyncView state={level.state} onRetry={() => void level.reload()} isEmpty={(d) => d.items.length === 0} empty={<View className="option-picker__empty">该组织下暂无党支部，请返回上一级</View>}>
            {(d) => (
              <>
                {d.items.map((node) => (
                  <ListCell
                    key={node.id}
                    className={`e2e-branch-node e2e-branch-node-${node.id}`}
                    title={node.name}
                    description={node.typeLabel}
                    extra={node.type === 'branch' ? (value?.id === node.id ? '✓' : '选择') : '›'}
                    onClick={() => choose(node)}
                  />
                ))}
              </>
            )}
          </AsyncView>
        </ScrollView>
      </Popup>
    </>
  );
}
