import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { CommunityView } from '@/domain/user.schema';
import { useAsync } from '@/lib/use-async';
import { getCurrentPoint, type Point } from '@/lib/location';
import { toastMessage } from '@/lib/field-errors';
import { useAction } from '@/lib/use-action';
import { AsyncView, EmptyState } from '@/components/state-views';
import { ListCell, ListGroup } from '@/components/list-cell';
import { AppButton } from '@/components/app-button';
import { toastInfo } from '@/components/toast';
import { communityPlace, formatDistance } from '@/lib/format-distance';
import './community-chooser.scss';
import { call } from '@/lib/cloud';

export interface CommunityChooserProps {
  currentId?: string;
  onChosen: (community: CommunityView) => void;
  onCancel?: () => void;
}

/** Choose the community one lives in: all communities, or nearest first once the location is known. */
export function CommunityChooser({ currentId, onChosen, onCancel }: CommunityChooserProps) {
  const [point, setPoint] = useState<Point | undefined>();
  const [locating, setLocating] = useState(false);
  const { run, running: saving } = useAction();
  const { state, reload } = useAsync(() => call('user', 'listCommunities', point ? { latitude: point.latitude, longitude: point.longitude } : {}).then((r) => r.items), [point]);

  const locate = async () => {
    setLocating(true);
    try {
      setPoint(await getCurrentPoint());
    } catch (error) {
      toastInfo(toastMessage(error));
    } finally {
      setLocating(false);
    }
  };

  const choose = async (c: CommunityView) => {
    const saved = await run('user', 'setHomeCommunity', { communityId: c.id }, { done: '已设为我的社区', key: c.id });
    if (saved) onChosen(saved);
  };

  return (
    <View className="community-chooser e2e-community-chooser">
      <View className="community-chooser__head">
        <Text className="community-chooser__title">请选择您居住的社区</Text>
        <View className="community-chooser__actions">
          <AppButton className="e2e-locate-communities" size="mini" fill="outline" type="primary" loading={locating} onClick={() => void locate()}>
            {point ? '已按距离排序' : '按距离排序'}
          </AppButton>
          {onCancel && (
            <AppButton className="e2e-cancel-community" size="mini" onClick={onCancel}>
              取消
            </AppButton>
          )}
        </View>
      </View>
      <AsyncView
        state={state}
        onRetry={() => void reload()}
        isEmpty={(items) => items.length === 0}
        empty={<EmptyState title="暂无可选社区" description="请联系管理员添加社区" />}
      >
        {(items) => (
          <ListGroup className="e2e-community-list">
            {items.map((c) => (
              <ListCell
                key={c.id}
                className={`e2e-community-option e2e-community-option-${c.id}`}
                title={c.name}
                description={communityPlace(c)}
                extra={saving === c.id ? '保存中…' : c.id === currentId ? '当前' : formatDistance(c.distance)}
                onClick={() => void choose(c)}
              />
            ))}
          </ListGroup>
        )}
      </AsyncView>
    </View>
  );
}
