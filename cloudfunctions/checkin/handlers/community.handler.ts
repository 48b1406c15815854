import { checkinActions, CHECKIN_PAGE, type CommunityFenceView, type CommunityQrView } from '../../../src/domain/checkin.schema';
import { AppError, ErrorCode, notFound } from '../../../src/domain/errors';
import { canManageCheckins } from '../../../src/domain/checkin.policy';
import { defineAction } from '../../_shared/define-function';
import { cachedCommunity, updateCommunityFence } from '../../_shared/repositories/checkin-community.repository';
import { findCommunity } from '../../_shared/repositories/community.repository';
import { toFenceView } from '../checkin-view';
import { h5Qr, wxacode } from '../qr-code';

const UNKNOWN_SCENE = '社区报到码无效或社区不存在，请重新扫描社区张贴的报到码';

/** Public: the check-in page shows which community a scanned code belongs to before asking for location. */
export const communityByScene = defineAction({
  schema: checkinActions.communityByScene,
  access: 'public',
  async handler(input): Promise<CommunityFenceView> {
    const community = await cachedCommunity(input.scene);
    if (!community) throw notFound(UNKNOWN_SCENE);
    return toFenceView(community);
  },
});

export const communitySettings = defineAction({
  schema: checkinActions.communitySettings,
  access: 'user',
  authorize: canManageCheckins,
  async handler(input): Promise<CommunityFenceView> {
    const community = await findCommunity(input.communityId);
    if (!community) throw notFound('社区不存在');
    return toFenceView(community);
  },
});

/** Staff set the point by choosing it on a map (GCJ-02, as WeChat maps give it) and the radius. */
export const setCommunityFence = defineAction({
  schema: checkinActions.setCommunityFence,
  access: 'user',
  authorize: canManageCheckins,
  async handler(input): Promise<CommunityFenceView> {
    // The update answers null for a community that does not exist: no read first.
    const updated = await updateCommunityFence(input.communityId, { latitude: input.latitude, longitude: input.longitude, radius: input.radius });
    if (!updated) throw notFound('社区不存在');
    return toFenceView(updated);
  },
});

/** The community's 报到码 to save and print: a mini-program code on weapp, the page address as a QR on H5. */
export const communityQr = defineAction({
  schema: checkinActions.communityQr,
  access: 'user',
  authorize: canManageCheckins,
  async handler(input): Promise<CommunityQrView> {
    if (!(await findCommunity(input.communityId))) throw notFound('社区不存在');
    const scene = input.communityId;
    if (input.target === 'h5') {
      const opens = `${(input.h5Origin ?? '').replace(/\/+$/, '')}/#/${CHECKIN_PAGE}?scene=${encodeURIComponent(scene)}`;
      return { target: 'h5', image: await h5Qr(opens), scene, page: CHECKIN_PAGE, opens };
    }
    const image = await wxacode(scene, CHECKIN_PAGE);
    if (!image) throw new AppError(ErrorCode.INTERNAL, '生成小程序码失败，请稍后重试');
    return { target: 'weapp', image, scene, page: CHECKIN_PAGE, opens: `${CHECKIN_PAGE}?scene=${scene}` };
  },
});
