import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { CommunityFenceView } from '@/domain/checkin.schema';
import { useAsync } from '@/lib/use-async';
import { toCloudError } from '@/lib/cloud-error';
import { fieldErrorsFromServer, type FieldErrors } from '@/lib/field-errors';
import { AppButton } from '@/components/app-button';
import { AsyncView } from '@/components/state-views';
import { FormField } from '@/components/form-field';
import { Section } from '@/components/section';
import { TextInput } from '@/components/text-input';
import { toastInfo, toastSuccess } from '@/components/toast';
import { fetchCommunityQr, fetchCommunitySettings, setCommunityFence } from '../checkin-api';
import './staff.scss';

const isWeapp = process.env.TARO_ENV === 'weapp';

function FenceForm({ community, onSaved }: { community: CommunityFenceView; onSaved: () => void }) {
  const [values, setValues] = useState({ latitude: String(community.latitude), longitude: String(community.longitude), radius: String(community.radius) });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof values, v: string) => setValues((s) => ({ ...s, [k]: v }));

  // weapp: pick the point on a map (WeChat's map gives gcj02, as stored).
  const choose = async () => {
    try {
      const res = await Taro.chooseLocation({ latitude: Number(values.latitude), longitude: Number(values.longitude) });
      setValues((s) => ({ ...s, latitude: res.latitude.toFixed(6), longitude: res.longitude.toFixed(6) }));
    } catch {
      // Cancelled.
    }
  };

  const save = async () => {
    setBusy(true);
    setErrors({});
    try {
      await setCommunityFence({ communityId: community.id, latitude: Number(values.latitude), longitude: Number(values.longitude), radius: Number(values.radius) });
      toastSuccess('已保存');
      onSaved();
    } catch (e) {
      const fieldErrors = fieldErrorsFromServer(e, ['latitude', 'longitude', 'radius']);
      if (fieldErrors) setErrors(fieldErrors);
      else toastInfo(toCloudError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="e2e-fence-form">
      {isWeapp && (
        <View className="staff-form-actions">
          <AppButton block onClick={() => void choose()}>
            在地图上选择社区位置
          </AppButton>
        </View>
      )}
      <FormField name="latitude" label="纬度（GCJ-02）" required error={errors.latitude}>
        <TextInput className="e2e-input-latitude" type="digit" value={values.latitude} onChange={(v) => set('latitude', v)} />
      </FormField>
      <FormField name="longitude" label="经度（GCJ-02）" required error={errors.longitude}>
        <TextInput className="e2e-input-longitude" type="digit" value={values.longitude} onChange={(v) => set('longitude', v)} />
      </FormField>
      <FormField name="radius" label="报到范围（米）" required hint="100–3000 米" error={errors.radius}>
        <TextInput className="e2e-input-radius" type="number" value={values.radius} maxLength={4} onChange={(v) => set('radius', v)} />
      </FormField>
      <View className="staff-form-actions">
        <AppButton className="e2e-save-fence" type="primary" block loading={busy} onClick={() => void save()}>
          保存位置与范围
        </AppButton>
      </View>
    </View>
  );
}

function CommunityQr({ communityId }: { communityId: string }) {
  const origin = typeof window !== 'undefined' && window.location ? window.location.origin : undefined;
  const { state, reload } = useAsync(() => fetchCommunityQr(communityId, isWeapp ? 'weapp' : 'h5', isWeapp ? undefined : origin), [communityId]);
  return (
    <AsyncView state={state} onRetry={() => void reload()}>
      {(qr) => (
        <View className="staff-qr e2e-community-qr">
          <Image className="staff-qr__image e2e-community-qr-image" src={qr.image} mode="aspectFit" showMenuByLongpress />
          <Text className="staff-qr__hint">{isWeapp ? '长按图片保存，打印后张贴在社区醒目位置。党员用微信扫码即可报到。' : '右键或长按图片保存后打印。'}</Text>
          <Text className="staff-qr__hint e2e-community-qr-opens">{qr.opens}</Text>
        </View>
      )}
    </AsyncView>
  );
}

/** 社区位置与报到码: the point and radius of the fence, and the code to print. */
export function FenceSettings({ communityId }: { communityId: string }) {
  const { state, reload } = useAsync(() => fetchCommunitySettings(communityId), [communityId]);
  return (
    <View>
      <Section title="社区位置与报到范围">
        <AsyncView state={state} onRetry={() => void reload()}>
          {(community) => <FenceForm community={community} onSaved={() => void reload()} />}
        </AsyncView>
      </Section>
      <Section title="社区报到码">
        <CommunityQr communityId={communityId} />
      </Section>
    </View>
  );
}
