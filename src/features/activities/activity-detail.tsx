import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CHECKIN_MODE_LABELS, type ActivityView } from '@/domain/activity.schema';
import { toastMessage } from '@/lib/field-errors';
import { AppButton } from '@/components/app-button';
import { BottomBar } from '@/components/bottom-bar';
import { ListCell, ListGroup } from '@/components/list-cell';
import { toastSuccess } from '@/components/toast';
import { readFenceLocation } from '@/lib/location';
import { canScanCode, scanCode } from '@/lib/scan';
import { confirmAction } from '@/lib/confirm';
import { servedHours } from '@/domain/activity-window';

import { formatShanghaiMinute, parseShanghaiMinute } from '@/domain/shanghai-time';
import { PHASE_LABELS, myPartLabel, timeRange } from './activity-labels';
import './activities.scss';
import { call } from '@/lib/cloud';
import { SERVICE_FORM_URL, withQuery } from '@/routes';

type Step = 'signUp' | 'cancel' | 'checkIn' | 'scanCheckIn' | 'checkOut';

const DONE: Record<Step, string> = { signUp: '报名成功', cancel: '已取消报名', checkIn: '签到成功', scanCheckIn: '签到成功', checkOut: '签退成功' };

/** An activity as a member sees it, with the one or two things they can do now. */
export function ActivityDetail({ activity, onChanged }: { activity: ActivityView; onChanged: () => Promise<void> }) {
  const [busy, setBusy] = useState<Step | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mine = activity.mine;
  const open = activity.phase === 'upcoming' || activity.phase === 'checkin_open';
  const canCheckIn = mine?.status === 'signed_up' && activity.phase === 'checkin_open';
  // Where staff chose 扫码签到 the server refuses a check-in without the live code, so offer only the scan.
  const codeRequired = activity.checkinMode === 'code';

  const run = async (step: Step) => {
    setBusy(step);
    setError(null);
    try {
      if (step === 'signUp') await call('checkin', 'signUp', { activityId: activity.id });
      if (step === 'cancel') await call('checkin', 'cancelSignUp', { activityId: activity.id });
      if (step === 'checkIn') await call('checkin', 'checkIn', { activityId: activity.id, ...await readFenceLocation() });
      if (step === 'scanCheckIn') {
        // The live 签到码 on the staff phone, then the place: the code proves the moment, the fence the place.
        const scanned = await scanCode({ cameraOnly: true });
        if (!scanned?.result) return;
        await call('checkin', 'checkIn', { activityId: activity.id, code: scanned.result, ...await readFenceLocation() });
      }
      if (step === 'checkOut') await call('checkin', 'checkOut', { activityId: activity.id, ...await readFenceLocation() });
      toastSuccess(DONE[step]);
      await onChanged();
    } catch (e) {
      setError(toastMessage(e));
    } finally {
      setBusy(null);
    }
  };

  /** Before the activity ends, 签退 cannot be taken back: say how many hours would count and ask first. */
  const checkOut = async () => {
    const now = new Date();
    const [startAt, endAt] = [parseShanghaiMinute(activity.startAt), parseShanghaiMinute(activity.endAt)];
    if (startAt && endAt && now < endAt && mine?.checkedInAt) {
      const times = { startAt, endAt };
      const hours = servedHours(times, new Date(mine.checkedInAt), now);
      const content =
        hours > 0
          ? `活动尚未结束。现在签退将记 ${hours} 小时（按半小时向下取整），签退后不能再签到。`
          : '活动尚未结束，签到不足半小时，现在签退将记 0 小时。签退后不能再签到；如实际服务更久，可申请补录。';
      if (!(await confirmAction({ title: '提前签退？', content, confirmText: '签退' }))) return;
    }
    await run('checkOut');
  };

  const correction = () =>
    void Taro.navigateTo({ url: withQuery(SERVICE_FORM_URL, { mode: 'correction', activityId: activity.id, logId: mine?.logId ?? undefined, title: activity.title }) });

  const actions = [
    !mine && open && (
      <AppButton key="e2e-activity-signup" className="e2e-activity-signup" type="primary" block loading={busy === 'signUp'} onClick={() => void run('signUp')}>
        报名参加
      </AppButton>
    ),
    canCheckIn && canScanCode && (
      <AppButton key="e2e-activity-scan-checkin" className="e2e-activity-scan-checkin" type="primary" block loading={busy === 'scanCheckIn'} onClick={() => void run('scanCheckIn')}>
        扫码签到
      </AppButton>
    ),
    canCheckIn && !codeRequired && (
      <AppButton key="e2e-activity-checkin" className="e2e-activity-checkin" type="primary" block loading={busy === 'checkIn'} onClick={() => void run('checkIn')}>
        定位签到
      </AppButton>
    ),
    mine?.status === 'signed_up' && activity.phase === 'upcoming' && (
      <AppButton key="e2e-activity-cancel" className="e2e-activity-cancel" block loading={busy === 'cancel'} onClick={() => void run('cancel')}>
        取消报名
      </AppButton>
    ),
    mine?.status === 'checked_in' && activity.phase !== 'closed' && (
      <AppButton key="e2e-activity-checkout" className="e2e-activity-checkout" type="primary" block loading={busy === 'checkOut'} onClick={() => void checkOut()}>
        定位签退
      </AppButton>
    ),
    mine && mine.status !== 'checked_in' && (activity.phase === 'ended' || activity.phase === 'closed' || mine.status === 'checked_out') && (
      <AppButton key="e2e-activity-correction" className="e2e-activity-correction" block fill="outline" onClick={correction}>
        时长有误？申请补录
      </AppButton>
    ),
  ].filter(Boolean);

  return (
    <View className="activity-detail e2e-activity-detail">
      <View className="activity-detail__head">
        <Text className="activity-detail__title">{activity.title}</Text>
        <Text className="activity-detail__sub">{`${activity.typeLabel} · ${PHASE_LABELS[activity.phase]}`}</Text>
      </View>
      <ListGroup>
        <ListCell title="时间" extra={timeRange(activity)} />
        <ListCell title="地点" extra={activity.place} />
        <ListCell title="签到范围" extra={`活动地点 ${activity.radius} 米内`} />
        <ListCell title="签到方式" extra={<Text className="e2e-activity-checkin-mode">{CHECKIN_MODE_LABELS[activity.checkinMode]}</Text>} />
        <ListCell title="名额" extra={`${activity.signedUp} / ${activity.capacity}`} />
        {activity.contact && <ListCell title="联系人" extra={activity.contact} />}
        {activity.content && <ListCell title="活动内容" description={activity.content} />}
      </ListGroup>

      <ListGroup title="我的参与">
        <ListCell title="状态" extra={<Text className="e2e-activity-mine">{myPartLabel(activity)}</Text>} />
        {mine?.checkedInAt && <ListCell title="签到时间" extra={formatShanghaiMinute(mine.checkedInAt)} />}
        {mine?.checkedOutAt && <ListCell title="签退时间" extra={`${formatShanghaiMinute(mine.checkedOutAt)}${mine.checkedOutBy === 'staff' ? '（社区统一签退）' : ''}`} />}
        {mine?.hours !== null && mine?.hours !== undefined && <ListCell title="服务时长" extra={<Text className="e2e-activity-hours">{`${mine.hours} 小时（待社区确认后计入）`}</Text>} />}
      </ListGroup>

      {error && (
        <View className="activity-detail__error e2e-activity-error">
          <Text>{error}</Text>
        </View>
      )}

      {canCheckIn && codeRequired && !canScanCode && (
        <Text className="activity-detail__hint e2e-activity-scan-only">本活动需现场扫码签到，请在微信小程序中扫码签到。</Text>
      )}
      {activity.phase === 'upcoming' && mine?.status === 'signed_up' && codeRequired && (
        <Text className="activity-detail__hint">本活动需现场扫码签到：到场后扫描工作人员手机上的签到码。</Text>
      )}
      {activity.phase === 'upcoming' && mine?.status === 'signed_up' && (
        <Text className="activity-detail__hint">活动开始前 2 小时起可签到，结束后 2 小时内可签退。</Text>
      )}
      {actions.length > 0 && <BottomBar className="activity-detail__actions">{actions}</BottomBar>}
    </View>
  );
}
