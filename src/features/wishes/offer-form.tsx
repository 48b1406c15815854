import { useState } from 'react';
import { View } from '@tarojs/components';
import { actorOfMe } from '@/domain/user.policy';
import type { MeView } from '@/domain/user.schema';
import { claimOptions } from '@/domain/wish.policy';
import { HELP_WAYS } from '@/domain/wish.schema';
import { offerActions } from '@/domain/wish-offer.schema';
import { maxLengthOf } from '@/domain/validation';
import { AppButton } from '@/components/app-button';
import { ChipSelect } from '@/components/chip-select';
import { FormField } from '@/components/form-field';
import { TextInput } from '@/components/text-input';
import { toastInfo } from '@/components/toast';
import { useAction } from '@/lib/use-action';
import { newRequestId } from '@/lib/request-id';

type HelpWay = (typeof HELP_WAYS)[number];

/** 认领意向: a member or unit says how they can help; league staff match a wish to it. */
export function OfferForm({ me }: { me: MeView }) {
  const [ways, setWays] = useState<HelpWay[]>([]);
  const [note, setNote] = useState('');
  const { run, busy } = useAction();
  // A member offers for themselves; someone who may claim only for their unit offers for it.
  const claimAs = claimOptions(actorOfMe(me));
  const asUnit = !claimAs.includes('member') && claimAs.includes('unit');
  const submit = async () => {
    if (!me.community) return toastInfo('请先在首页选择您所在的社区');
    const offer = { communityId: me.community.id, ways, note, asUnit, requestId: newRequestId() };
    if (!(await run('wish', 'offer', offer, { done: '已登记，工作人员会为您匹配' }))) return;
    setWays([]);
    setNote('');
  };
  return (
    <View className="e2e-offer-form">
      <FormField name="ways" label="帮扶方式" required>
        <ChipSelect hook="offer-way" options={HELP_WAYS} value={ways} onChange={setWays} />
      </FormField>
      <FormField name="note" label="说明" required>
        <TextInput className="e2e-input-offer-note" value={note} limit={maxLengthOf(offerActions.offer.shape.note)} placeholder="如：可提供学习用品、每周六有空" onChange={setNote} />
      </FormField>
      <View className="wish-form__actions">
        <AppButton className="e2e-submit-offer" type="primary" block loading={busy} onClick={() => void submit()}>
          {asUnit ? '以单位名义登记意向' : '登记认领意向'}
        </AppButton>
      </View>
    </View>
  );
}
