import { useState } from 'react';
import { canPickOnMap, pickOnMap } from '@/lib/location';
import { communityCodeTarget, SAVE_CODE_HINT } from '@/lib/scan';
import { Image, Text, View } from '@tarojs/components';
import type { CommunityFenceView } from '@/domain/checkin.schema';
import { useAsync } from '@/lib/use-async';
import { useAction } from '@/lib/use-action';
import { AppButton } from '@/components/app-button';
import { AsyncView } from '@/components/state-views';
import { FormField } from '@/components/form-field';
import { Section } from '@/components/section';
import { TextInput } from '@/components/text-input';
import './staff.scss';
import { call } from '@/lib/cloud';

function FenceForm({ community, onSaved }: { community: CommunityFenceView; onSaved: () => void }) {
  const [values, setValues] = useState({ latitude: String(community.latitude), longitude: String(community.longitude), radius: String(community.radius) });
  const { run, busy, errors } = useAction({ fields: ['latitude', 'longitude', 'radius'] });
  const set = (k: keyof typeof values, v: string) => setValues((s) => ({ ...s, [k]: v }));

  const choose = async () => {
    const place = await pickOnMap({ latitude: Number(values.latitude), longitude: Number(values.longitude) });
    if (place) setValues((s) => ({ ...s, latitude: place.latitude.toFixed(6), longitude: place.longitude.toFixed(6) }));
  };

  const save = async () => {
    const fence = { communityId: community.id, latitude: Number(values.latitude), longitude: Number(values.longitude), radius: Number(values.radius) };
    if (await run('checkin', 'setCommunityFence', fence, { done: '已保存' })) onSaved();
  };

  return (
    <View className="e2e-fence-form">
      {canPickOnMap && (
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
  const { state, reload } = useAsync(() => call('checkin', 'communityQr', { communityId, ...communityCodeTarget() }), [communityId]);
  return (
    <AsyncView state={state} onRetry={() => void reload()}>
      {(qr) => (
        <View className="staff-qr e2e-community-qr">
          <Image className="staff-qr__image e2e-community-qr-image" src={qr.image} mode="aspectFit" showMenuByLongpress ariaLabel="社区报到码" nativeProps={{ alt: '社区报到码' }} />
          <Text className="staff-qr__hint">{SAVE_CODE_HINT}</Text>
          <Text className="staff-qr__hint e2e-community-qr-opens">{qr.opens}</Text>
        </View>
      )}
    </AsyncView>
  );
}

/** 社区位置与报到码: the point and radius of the fence, and the code to print. */
export function FenceSettings({ communityId }: { communityId: string }) {
  const { state, reload } = useAsync(() => call('checkin', 'communitySettings', { communityId: communityId }), [communityId]);
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
