import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { CheckinView } from '@/domain/checkin.schema';
import { askToNotify } from '@/lib/subscribe-message';
import { useAsync } from '@/lib/use-async';
import { toastMessage } from '@/lib/field-errors';
import { AppButton } from '@/components/app-button';
import { AsyncView } from '@/components/state-views';
import { Section } from '@/components/section';
import { toastSuccess } from '@/components/toast';
import { CheckinStatusCard } from './checkin-status-card';
import { readFenceLocation } from '@/lib/location';
import { canScanCode, scanCode } from '@/lib/scan';

import { sceneFromScan } from './scene';
import './checkin.scss';
import { call } from '@/lib/cloud';
import { ACTIVITY_LIST_URL, CHECKIN_URL, MEMBER_REGISTER_URL, RECORDS_URL, withQuery } from '@/routes';
import { useReloadOnShow } from '@/lib/use-reload-on-show';

async function scanCommunityCode() {
  const res = await scanCode();
  // Cancelled by the person: nothing to say.
  if (!res) return;
  const scene = sceneFromScan(res);
  if (!scene) {
    void Taro.showToast({ title: '这不是社区报到码', icon: 'none' });
    return;
  }
  void Taro.redirectTo({ url: withQuery(CHECKIN_URL, { scene }) });
}

/**
 * 到社区报到: the scanned community, the member's current 报到, and the fenced report. A person not yet registered
 * as a member is led to the form and comes back here (the page reloads when shown again).
 */
export function CheckinFlow({ scene }: { scene: string }) {
  const { state, reload } = useAsync(() => Promise.all([call('user', 'me'), scene ? call('checkin', 'communityByScene', { scene: scene }) : Promise.resolve(null), call('checkin', 'myCheckin').then((r) => r.checkin)]), [scene]);
  const [reporting, setReporting] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [justReported, setJustReported] = useState<CheckinView | null>(null);
  useReloadOnShow(() => reload());

  const report = async (communityId: string) => {
    setReporting(true);
    setRefusal(null);
    try {
      const reading = await readFenceLocation();
      const checkin = await call('checkin', 'report', { communityId: communityId, ...reading });
      setJustReported(checkin);
      toastSuccess('报到已提交');
    } catch (error) {
      setRefusal(toastMessage(error));
    } finally {
      setReporting(false);
    }
  };

  return (
    <AsyncView state={state} onRetry={() => void reload()}>
      {([me, community, current]) => {
        const checkin = justReported ?? current;
        const alreadyHere = checkin && checkin.communityId === community?.id && (checkin.standing === 'pending' || checkin.standing === 'active');
        const communityId = community?.id ?? checkin?.communityId;
        return (
          <View className="checkin-flow">
            {community && (
              <View className="checkin-community e2e-checkin-community">
                <Text className="checkin-community__name">{community.name}</Text>
                <Text className="checkin-community__line">{`${community.district} · ${community.street}`}</Text>
                <Text className="checkin-community__line">{community.address}</Text>
                <Text className="checkin-community__fence">{`报到范围：社区中心 ${community.radius} 米内`}</Text>
              </View>
            )}

            {!me.profile ? (
              <Section title="请先登记">
                <View className="checkin-flow__body">
                  <Text className="checkin-flow__text">到社区报到需要先登记为在职党员（姓名、工作单位、所在党支部），登记后会回到本页继续报到。</Text>
                  <AppButton className="e2e-checkin-register" type="primary" block onClick={() => void Taro.navigateTo({ url: MEMBER_REGISTER_URL })}>
                    登记为在职党员
                  </AppButton>
                </View>
              </Section>
            ) : (
              <>
                {checkin && (
                  <Section title={justReported ? '报到结果' : '我的报到'}>
                    <CheckinStatusCard checkin={checkin} />
                  </Section>
                )}
                {refusal && (
                  <View className="checkin-refusal e2e-checkin-error">
                    <Text className="checkin-refusal__title">未能报到</Text>
                    <Text className="checkin-refusal__message e2e-checkin-error-message">{refusal}</Text>
                  </View>
                )}
                {community && !alreadyHere && (
                  <View className="checkin-flow__actions">
                    <Text className="checkin-flow__hint">报到时会获取一次您的位置，仅用于核验是否在社区范围内，只保存距离和精度。</Text>
                    <AppButton className="e2e-checkin-submit" type="primary" block loading={reporting} onClick={() => {
                      void askToNotify(['checkinReviewed']);
                      void report(community.id);
                    }}
                  >
                      {refusal ? '重新定位并报到' : '获取位置并报到'}
                    </AppButton>
                  </View>
                )}
                {!community && !checkin && (
                  <Section>
                    <View className="checkin-flow__body">
                      <Text className="checkin-flow__text">请扫描居住地社区张贴的报到码。</Text>
                    </View>
                  </Section>
                )}
              </>
            )}

            <View className="checkin-flow__links">
              {canScanCode && (
                <AppButton className="e2e-checkin-scan" block onClick={() => void scanCommunityCode()}>
                  扫描社区报到码
                </AppButton>
              )}
              {me.profile && communityId && (
                <AppButton className="e2e-checkin-activities" block onClick={() => void Taro.navigateTo({ url: withQuery(ACTIVITY_LIST_URL, { communityId }) })}>
                  查看社区服务活动
                </AppButton>
              )}
              {me.profile && (
                <AppButton className="e2e-checkin-records" block fill="outline" onClick={() => void Taro.navigateTo({ url: RECORDS_URL })}>
                  我的服务记录
                </AppButton>
              )}
            </View>
          </View>
        );
      }}
    </AsyncView>
  );
}
