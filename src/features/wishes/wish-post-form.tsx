import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { MeView } from '@/domain/user.schema';
import { BENEFICIARY_TYPES, WISH_CATEGORIES, postWishInput, type WishDetailView } from '@/domain/wish.schema';
import { maxLengthOf } from '@/domain/validation';
import { WISH_PHOTOS_MAX, WISH_VALUE_MAX } from '@/domain/wish-rules';
import { AppButton } from '@/components/app-button';
import { BottomBar } from '@/components/bottom-bar';
import { ChipSelect } from '@/components/chip-select';
import { FormField } from '@/components/form-field';
import { OptionPicker } from '@/components/option-picker';
import { TextInput } from '@/components/text-input';
import { TextArea } from '@/components/text-area';
import { toastInfo } from '@/components/toast';
import { staffCommunities } from '@/lib/staff-communities';
import { FORM_KEY } from '@/lib/field-errors';
import { askToNotify } from '@/lib/subscribe-message';
import { useSchemaForm } from '@/lib/use-schema-form';
import { PhotoPicker } from './photo-picker';
import { call } from '@/lib/cloud';

const FIELDS = ['title', 'story', 'category', 'beneficiaryType', 'value', 'photos', 'communityId', 'beneficiaryName', 'beneficiaryPhone', 'onBehalf'] as const;
const ON_BEHALF = '代他人发布（工作人员）';

interface Values extends Record<string, unknown> {
  title: string;
  story: string;
  category: string;
  beneficiaryType: string;
  value: string;
  photos: string[];
  communityId: string;
  beneficiaryName: string;
  beneficiaryPhone: string;
  onBehalf: boolean;
}

/** 许愿: a resident for themselves in their community, or staff on someone's behalf in theirs. */
export function WishPostForm({ me, onPosted }: { me: MeView; onPosted: (wish: WishDetailView) => void }) {
  const staffPlaces = staffCommunities(me.grants);
  const [places] = useState(() => staffPlaces);
  const form = useSchemaForm({
    initial: (): Values => ({
      title: '',
      story: '',
      category: '',
      beneficiaryType: '',
      value: '',
      photos: [],
      communityId: me.community?.id ?? places[0]?.id ?? '',
      beneficiaryName: me.profile?.name ?? '',
      beneficiaryPhone: me.profile?.phone ?? '',
      onBehalf: !me.community && places.length > 0,
    }),
    schema: postWishInput,
    toInput: (v) => ({ ...v, value: v.value.trim() === '' ? undefined : Number(v.value) }),
    fields: FIELDS,
    submit: (data, requestId) => call('wish', 'post', { ...data, requestId: requestId }),
    onDone: onPosted,
    onFail: toastInfo,
  });
  const { values, set, errors } = form;
  const communityOptions = values.onBehalf ? places.map((p) => ({ value: p.id, label: p.name })) : me.community ? [{ value: me.community.id, label: me.community.name }] : [];

  return (
    <View className="wish-form e2e-wish-form">
      {places.length > 0 && (
        <FormField name="onBehalf" label="发布方式">
          <ChipSelect
            hook="on-behalf"
            options={[ON_BEHALF]}
            value={values.onBehalf ? [ON_BEHALF] : []}
            onChange={(v) => {
              const onBehalf = v.length > 0;
              set('onBehalf', onBehalf);
              set('communityId', onBehalf ? (places[0]?.id ?? '') : (me.community?.id ?? ''));
            }}
          />
        </FormField>
      )}
      <FormField name="communityId" label="所在社区" required error={errors.communityId}>
        <OptionPicker hook="wish-community" title="选择社区" placeholder="请先在首页选择您所在的社区" options={communityOptions} value={values.communityId} onChange={(v) => set('communityId', v)} />
      </FormField>
      <FormField name="title" label="心愿标题" required error={errors.title}>
        <TextInput className="e2e-input-title" value={values.title} limit={maxLengthOf(postWishInput.shape.title)} placeholder="如：想要一个新书包" onChange={(v) => set('title', v)} />
      </FormField>
      <FormField name="story" label="心愿描述" required error={errors.story}>
        <TextArea className="e2e-input-story" value={values.story} limit={maxLengthOf(postWishInput.shape.story)} placeholder="说说心愿的来由和具体需要" onChange={(v) => set('story', v)} />
      </FormField>
      <FormField name="category" label="心愿类别" required error={errors.category}>
        <OptionPicker hook="wish-category" title="心愿类别" options={WISH_CATEGORIES.map((c) => ({ value: c, label: c }))} value={values.category} onChange={(v) => set('category', v)} />
      </FormField>
      <FormField name="beneficiaryType" label="对象类型" required error={errors.beneficiaryType}>
        <OptionPicker
          hook="wish-beneficiary"
          title="对象类型"
          options={BENEFICIARY_TYPES.map((c) => ({ value: c, label: c }))}
          value={values.beneficiaryType}
          onChange={(v) => set('beneficiaryType', v)}
        />
      </FormField>
      <FormField name="value" label="预估价值（元）" required hint={`不超过 ${WISH_VALUE_MAX} 元`} error={errors.value}>
        <TextInput className="e2e-input-value" type="digit" value={values.value} maxLength={7} placeholder="如：120" onChange={(v) => set('value', v)} />
      </FormField>
      <FormField name="beneficiaryName" label="心愿人姓名" required hint="公开时只显示姓氏" error={errors.beneficiaryName}>
        <TextInput className="e2e-input-beneficiaryName" value={values.beneficiaryName} limit={maxLengthOf(postWishInput.shape.beneficiaryName)} placeholder="真实姓名" onChange={(v) => set('beneficiaryName', v)} />
      </FormField>
      <FormField name="beneficiaryPhone" label="联系电话" required hint="仅认领人和工作人员可见" error={errors.beneficiaryPhone}>
        <TextInput className="e2e-input-beneficiaryPhone" type="number" value={values.beneficiaryPhone} maxLength={11} placeholder="11 位手机号" onChange={(v) => set('beneficiaryPhone', v)} />
      </FormField>
      <FormField name="photos" label="照片" hint={`选填，最多 ${WISH_PHOTOS_MAX} 张`} error={errors.photos}>
        <PhotoPicker hook="wish-photo" value={values.photos} max={WISH_PHOTOS_MAX} onChange={(v) => set('photos', v)} />
      </FormField>
      {errors[FORM_KEY] && <Text className="field-error e2e-error-form wish-empty-note">{errors[FORM_KEY]}</Text>}
      <BottomBar>
        <AppButton className="e2e-submit-wish" type="primary" block loading={form.submitting} onClick={() => {
            void askToNotify(['wishReviewed', 'wishDelivered']);
            void form.submit();
          }}>
          提交心愿
        </AppButton>
      </BottomBar>
    </View>
  );
}
