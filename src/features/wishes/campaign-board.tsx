import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { CampaignView } from '@/domain/campaign.schema';
import type { StaffWishRow } from '@/domain/wish.schema';
import { AppButton } from '@/components/app-button';
import { FormField } from '@/components/form-field';
import { ListCell, ListGroup } from '@/components/list-cell';
import { OptionPicker } from '@/components/option-picker';
import { useAction } from '@/lib/use-action';
import { formatMinute } from './wish-format';

/** Campaigns with their time and limit, and the queue's wishes that can be put into one. */
export function CampaignBoard({ campaigns, queue, onChanged }: { campaigns: CampaignView[]; queue: StaffWishRow[]; onChanged: () => void }) {
  const [picked, setCampaignId] = useState('');
  // The list grows after the first render (a campaign just created): fall back to its first entry, not a stale default.
  const campaignId = campaigns.some((c) => c.id === picked) ? picked : (campaigns[0]?.id ?? '');
  const { run } = useAction();
  const add = async (wishId: string) => {
    if (await run('wish', 'addToCampaign', { wishId, campaignId }, { done: '已加入活动' })) onChanged();
  };
  return (
    <View>
      <ListGroup className="e2e-campaign-list">
        {campaigns.length === 0 && <Text className="wish-empty-note">还没有活动</Text>}
        {campaigns.map((c) => (
          <ListCell key={c.id} title={c.name} description={`${c.scopeName} · ${formatMinute(c.publishAt)} 发布 · 每人限领 ${c.perPersonLimit} 个`} extra={c.open ? '进行中' : '未开始'} />
        ))}
      </ListGroup>
      {campaigns.length > 0 && queue.length > 0 && (
        <View style={{ padding: '16px 32px 0' }}>
          <FormField name="campaignId" label="加入哪个活动">
            <OptionPicker hook="campaign-target" title="加入哪个活动" options={campaigns.map((c) => ({ value: c.id, label: c.name }))} value={campaignId} onChange={setCampaignId} />
          </FormField>
          {queue
            .filter((w) => !w.campaign)
            .map((w) => (
              <View key={w.id} className="wish-detail__line">
                <Text>{w.title}</Text>
                <AppButton className="e2e-add-to-campaign" size="mini" type="primary" onClick={() => void add(w.id)}>
                  加入活动
                </AppButton>
              </View>
            ))}
        </View>
      )}
    </View>
  );
}
