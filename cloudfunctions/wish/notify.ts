import { WISH_STATUS_LABELS } from '../../src/domain/wish-machine';
import type { WishRecord } from '../_shared/repositories/wish.repository';
import { sendSubscribeMessage } from '../_shared/subscribe-message';
import { settings } from './settings';

/** Subscribe messages of the wish area. Template keys follow WeChat's typed names (thing, date, phrase). */
const detailPage = (wishId: string) => `pages/wish-detail/index?id=${wishId}`;
const day = (d: Date) => {
  const local = new Date(d.getTime() + 8 * 60 * 60 * 1000);
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
};

/** Reminder at day 7: deliver before the deadline or it may be released. */
export const remindClaimant = (wish: WishRecord) =>
  wish.claim
    ? sendSubscribeMessage({
        touser: wish.claim.openid,
        templateId: settings().WISH_TEMPLATE_REMINDER,
        page: detailPage(wish._id),
        data: { thing1: wish.title, date2: day(new Date(wish.claim.deadline)), thing3: '请在期限前送达心愿并上传照片' },
      })
    : Promise.resolve({ sent: false, errcode: -1 });

/** The claim was released or revoked by staff: the claimant hears it and why. */
export const tellClaimEnded = (claimantOpenid: string, wish: WishRecord, reason: string) =>
  sendSubscribeMessage({
    touser: claimantOpenid,
    templateId: settings().WISH_TEMPLATE_CLAIM_ENDED,
    page: detailPage(wish._id),
    data: { thing1: wish.title, phrase2: WISH_STATUS_LABELS[wish.status] === '待认领' ? '已释放' : '已撤销', thing3: reason },
  });

/** Delivered: the poster is asked to confirm (销号). */
export const askPosterToConfirm = (wish: WishRecord) =>
  sendSubscribeMessage({
    touser: wish.posterOpenid,
    templateId: settings().WISH_TEMPLATE_DELIVERED,
    page: detailPage(wish._id),
    data: { thing1: wish.title, thing2: `${wish.claim?.helperDisplay ?? '认领人'}已送达，请确认收到` },
  });
