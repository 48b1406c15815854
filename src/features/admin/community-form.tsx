import { View } from '@tarojs/components';
import { userActions, type CommunityView } from '@/domain/user.schema';
import { maxLengthOf } from '@/domain/validation';
import { canPickOnMap, pickOnMap } from '@/lib/location';
import { useSchemaForm } from '@/lib/use-schema-form';
import { FORM_KEY } from '@/lib/field-errors';
import { FormField } from '@/components/form-field';
import { TextInput } from '@/components/text-input';
import { AppButton } from '@/components/app-button';
import { toastInfo } from '@/components/toast';
import { COMMUNITY_FIELDS, communityFormSchema, communityInput, emptyCommunityForm, type CommunityFormValues } from './admin-forms';
import { FormError } from './form-error';
import { call } from '@/lib/cloud';

const LABELS: Record<keyof CommunityFormValues, { label: string; placeholder: string; type?: 'text' | 'digit' }> = {
  name: { label: '社区名称', placeholder: '如：湖滨社区' },
  district: { label: '所属区', placeholder: '如：东湖区' },
  street: { label: '所属街道', placeholder: '如：百花洲街道' },
  streetId: { label: '街道编号', placeholder: '字母、数字、- 或 _' },
  address: { label: '地址', placeholder: '社区党群服务中心地址' },
  latitude: { label: '纬度', placeholder: '如：28.6829', type: 'digit' },
  longitude: { label: '经度', placeholder: '如：115.8951', type: 'digit' },
  radius: { label: '报到围栏半径（米）', placeholder: '100–3000，默认 500', type: 'digit' },
};

/** The free-text fields, counted against their limits; codes and coordinates are only capped. */
type TextField = 'name' | 'district' | 'street' | 'address';
const TEXT_FIELDS: ReadonlySet<string> = new Set<TextField>(['name', 'district', 'street', 'address']);

export function CommunityForm({ onCreated }: { onCreated: (c: CommunityView) => void }) {
  const form = useSchemaForm({
    initial: emptyCommunityForm,
    schema: communityFormSchema,
    toInput: communityInput,
    fields: COMMUNITY_FIELDS,
    submit: (input, requestId) => call('user', 'createCommunity', { ...input, requestId }),
    onDone: onCreated,
    onFail: toastInfo,
  });

  // WeChat's map picker answers in GCJ-02 (what WeChat maps use); the fence check decides which datum is stored.
  const chooseOnMap = async () => {
    const place = await pickOnMap();
    if (!place) return;
    form.set('latitude', place.latitude.toFixed(6));
    form.set('longitude', place.longitude.toFixed(6));
    if (!form.values.address && place.address) form.set('address', place.address);
  };

  return (
    <View className="e2e-admin-community-form">
      {COMMUNITY_FIELDS.map((field) => (
        <FormField key={field} name={`community-${field}`} label={LABELS[field].label} required={field !== 'radius'} error={form.errors[field]}>
          <TextInput
            className={`e2e-input-community-${field}`}
            type={LABELS[field].type ?? 'text'}
            value={form.values[field]}
            placeholder={LABELS[field].placeholder}
            maxLength={60}
            limit={TEXT_FIELDS.has(field) ? maxLengthOf(userActions.createCommunity.shape[field as TextField]) : undefined}
            onChange={(v) => form.set(field, v)}
          />
        </FormField>
      ))}
      <FormError message={form.errors[FORM_KEY]} hook="community" />
      <View className="admin-form__actions">
        {canPickOnMap && (
          <AppButton className="e2e-pick-location" fill="outline" onClick={() => void chooseOnMap()}>
            地图选点
          </AppButton>
        )}
        <AppButton className="e2e-submit-community" type="primary" loading={form.submitting} onClick={() => void form.submit()}>
          创建社区
        </AppButton>
      </View>
    </View>
  );
}
