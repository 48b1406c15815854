import { useState } from 'react';
import { View } from '@tarojs/components';
import type { MeView } from '@/domain/user.schema';
import { HELP_WAYS } from '@/domain/wish.schema';
import { AppButton } from '@/components/app-button';
import { ChipSelect } from '@/components/chip-select';
import { FormField } from '@/components/form-field';
import { TextInput } from '@/components/text-input';
import { toastInfo, toastSuccess } from '@/components/toast';
import { toCloudError } from '@/lib/cloud-error';
import { newRequestId } from '@/lib/request-id';
import { offerHelp } from './wish-api';

/** 认领意向: a member or unit says how they can help; league staff match a wish to it. */
export function OfferForm({ me }: { me: MeView }) {
  const [ways, setWays] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const asUnit = !me.roles.includes('member') && me.grants.some((g) => g.role === 'unit_admin');
  const submit = async () => {
    if (!me.community) return toastInfo('请先在首页选择您所在的社区');
    setBusy(true);
    try {
      await offerHelp({ communityId: me.community.id, ways, note, asUnit }, newRequestId());
      toastSuccess('已登记，工作人员会为您匹配');
      setWays([]);
      setNote('');
    } catch (error) {
      toastInfo(toCloudError(error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="e2e-offer-form">
      <FormField name="ways" label="帮扶方式" required>
        <ChipSelect hook="offer-way" options={HELP_WAYS} value={ways} onChange={setWays} />
      </FormField>
      <FormField name="note" label="说明" required>
        <TextInput className="e2e-input-offer-note" value={note} maxLength={100} placeholder="如：可提供学习用品、每周六有空" onChange={setNote} />
      </FormField>
      <View className="wish-form__actions">
        <AppButton className="e2e-submit-offer" type="primary" block loading={busy} onClick={() => void submit()}>
          {asUnit ? '以单位名义登记意向' : '登记认领意向'}
        </AppButton>
      </View>
    </View>
  );
}
