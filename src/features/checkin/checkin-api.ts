import { callFunction } from '@/lib/cloud';
import type { CheckinView, CommunityFenceView, CommunityQrView, LocationReadingInput, RosterEntry } from '@/domain/checkin.schema';

const FN = 'checkin';

export const communityByScene = (scene: string) => callFunction<CommunityFenceView>(FN, 'communityByScene', { scene });
export const reportToCommunity = (communityId: string, reading: LocationReadingInput) => callFunction<CheckinView>(FN, 'report', { communityId, ...reading });
export const fetchMyCheckin = () => callFunction<{ checkin: CheckinView | null }>(FN, 'myCheckin', {}).then((r) => r.checkin);

export const listPendingCheckins = (communityId: string) => callFunction<{ items: CheckinView[] }>(FN, 'pendingCheckins', { communityId }).then((r) => r.items);
export const reviewCheckin = (memberOpenid: string, decision: 'confirm' | 'reject', reason?: string) =>
  callFunction<CheckinView>(FN, 'reviewCheckin', reason ? { memberOpenid, decision, reason } : { memberOpenid, decision });
export const fetchRoster = (communityId: string) => callFunction<{ items: RosterEntry[] }>(FN, 'roster', { communityId }).then((r) => r.items);

export const fetchCommunitySettings = (communityId: string) => callFunction<CommunityFenceView>(FN, 'communitySettings', { communityId });
export const setCommunityFence = (input: { communityId: string; latitude: number; longitude: number; radius: number }) =>
  callFunction<CommunityFenceView>(FN, 'setCommunityFence', input);
export const fetchCommunityQr = (communityId: string, target: 'weapp' | 'h5', h5Origin?: string) =>
  callFunction<CommunityQrView>(FN, 'communityQr', h5Origin ? { communityId, target, h5Origin } : { communityId, target });
