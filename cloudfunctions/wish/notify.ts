import { WISH_STATUS_LABELS } from '../../src/domain/wish-machine';
import type { WishRecord } from '../_shared/repositories/wish.repository';
import { sendNotice } from '../_shared/notice';

/** Subscribe messages of the wish area. Template keys follow WeChat's typed names (thing, date, phrase). */
const detailPage = (wishId: string) => `pages/wish-detail/index?id=${wishId}`;
const day = (d: Date) => {
  const local = new Date(d.getTime() + 8 * 60 * 60 * 1000);
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
};

/** Reminder at day 7: deliver before the deadline or it may be released. */
export const remindClaimant = (wish: WishRecord) =>
  wish.claim
    ? sendNotice('wishClaimReminder', {
        touser: wish.claim.openid,
        page: detailPage(wish._id),
        data: { thing1: wish.title, date2: day(new Date(wish.claim.deadline)), thing3: '请在期限前送达心愿并上传照片' },
      })
    : Promise.resolve({ sent: false, errcode: -1 });

/** The claim was released or revoked by staff: the claimant hears it and why. */
export const tellClaimEnded = (claimantOpenid: string, wish: WishRecord, reason: string) =>
  sendNotice('wishClaimEnded', {
    touser: claimantOpenid,
    page: detailPage(wish._id),
    data: { thing1: wish.title, phrase2: WISH_STATUS_LABELS[wish.status] === '待认领' ? '已释放' : '已撤销', thing3: reason },
  });

/** Delivered: the poster is asked to confirm (销号). */
export const askPosterToConfirm = (wish: WishRecord) =>
  sendNotice('wishDelivered', {
    touser: wish.posterOpenid,
    page: detailPage(wish._id),
    data: { thing1: wish.title, thing2: `${wish.claim?.helperDisplay ?? '认领人'}已送达，请确认收到` },
  });

/** Staff reviewed a posted wish: published (now or with its campaign) or sent back with the reason. */
export const tellPosterReviewed = (wish: WishRecord, approved: boolean, reason: string | null) =>
  sendNotice('wishReviewed', {
    touser: wish.posterOpenid,
    page: detailPage(wish._id),
    data: {
      thing1: wish.title,
      phrase2: approved ? '已通过' : '未通过',
      thing3: approved ? '心愿已通过审核，请留意认领进展' : reason || '请查看原因后修改重新提交',
    },
  });
