import { useState } from 'react';
import { View } from '@tarojs/components';
import type { MeView } from '@/domain/user.schema';
import { campaignActions } from '@/domain/campaign.schema';
import { maxLengthOf } from '@/domain/validation';
import { AppButton } from '@/components/app-button';
import { FormField } from '@/components/form-field';
import { OptionPicker } from '@/components/option-picker';
import { TextInput } from '@/components/text-input';
import { newRequestId } from '@/lib/request-id';
import { useAction } from '@/lib/use-action';

/** `2025-06-01` + `09:00` in 北京时间 → ISO with the +08:00 offset the server reads. */
export const toPublishAt = (day: string, time: string) => `${day.trim()}T${time.trim() || '00:00'}:00+08:00`;

/** A league campaign: name, scope (from the staff member's grants), publication time, per-person limit. */
export function CampaignForm({ me, onCreated }: { me: MeView; onCreated: () => void }) {
  const scopes = me.grants.filter((g) => g.role === 'league_staff' || g.role === 'admin').filter((g) => g.scopeType === 'community' || g.scopeType === 'street');
  const [scope, setScope] = useState(scopes[0] ? `${scopes[0].scopeType}:${scopes[0].scopeId}` : '');
  const [name, setName] = useState('');
  const [day, setDay] = useState('');
  const [time, setTime] = useState('09:00');
  const [limit, setLimit] = useState('1');
  const { run, busy, errors, setErrors } = useAction({ fields: ['name', 'scopeId', 'publishAt', 'perPersonLimit'] });

  const submit = async () => {
    const [scopeType, scopeId] = scope.split(':');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day.trim())) return setErrors({ publishAt: '请按 2025-06-01 的格式填写日期' });
    const campaign = { name, scopeType: scopeType as 'community' | 'street', scopeId, publishAt: toPublishAt(day, time), perPersonLimit: Number(limit), requestId: newRequestId() };
    if (!(await run('wish', 'createCampaign', campaign, { done: '活动已创建' }))) return;
    setName('');
    onCreated();
  };

  return (
    <View className="e2e-campaign-form">
      <FormField name="scopeId" label="活动范围" required error={errors.scopeId}>
        <OptionPicker hook="campaign-scope" title="活动范围" options={scopes.map((g) => ({ value: `${g.scopeType}:${g.scopeId}`, label: g.scopeName || g.scopeId }))} value={scope} onChange={setScope} />
      </FormField>
      <FormField name="name" label="活动名称" required error={errors.name}>
        <TextInput className="e2e-input-campaign-name" value={name} limit={maxLengthOf(campaignActions.createCampaign.shape.name)} placeholder="如：六一微心愿" onChange={setName} />
      </FormField>
      <FormField name="publishAt" label="发布时间" required hint="北京时间" error={errors.publishAt}>
        <TextInput className="e2e-input-campaign-day" value={day} maxLength={10} placeholder="2025-06-01" onChange={setDay} />
        <TextInput className="e2e-input-campaign-time" value={time} maxLength={5} placeholder="09:00" onChange={setTime} />
      </FormField>
      <FormField name="perPersonLimit" label="每人限领" required error={errors.perPersonLimit}>
        <TextInput className="e2e-input-campaign-limit" type="number" value={limit} maxLength={1} onChange={setLimit} />
      </FormField>
      <View className="wish-form__actions">
        <AppButton className="e2e-submit-campaign" type="primary" block loading={busy} onClick={() => void submit()}>
          创建活动
        </AppButton>
      </View>
    </View>
  );
}
