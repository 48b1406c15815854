import { maskName } from '../../src/domain/masking';
import type { Actor } from '../../src/domain/roles';
import { availableEvents, type WishRelation } from '../../src/domain/wish-machine';
import { canSeeBeneficiaryContact, claimOptions, factsOf, isProposedTo, wishRelations } from '../../src/domain/wish.policy';
import { claimUrgency, daysLeft } from '../../src/domain/wish-rules';
import type { ClaimView, HistoryEntryView, StaffWishRow, WishCardView, WishDetailView } from '../../src/domain/wish.schema';
import type { WishRecord } from '../_shared/repositories/wish.repository';
import { marksOf, type PhotoViewer, type VisiblePhotos, visiblePhotos } from '../_shared/storage';

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

/** The photo ids a list of views will show, so their URLs are fetched in one call. */
export function photoIdsOf(wishes: WishRecord[], all = false): string[] {
  return [...new Set(wishes.flatMap((w) => [...(all ? w.photos : w.photos.slice(0, 1)), ...(w.delivery?.photos ?? []).slice(0, all ? 3 : 1)]))];
}

/** The photos of `wishes` this viewer may see (src/domain/media-check.ts), in one batch. */
export const photoUrlsFor = (wishes: WishRecord[], viewer: PhotoViewer, all = false) => visiblePhotos(photoIdsOf(wishes, all), viewer);

/** Staff duty over a wish widens what they see of its unchecked photos. */
export const wishPhotoViewer = (openid: string, actor: Actor, wish: WishRecord): PhotoViewer => ({ openid, isStaff: wishRelations(actor, wish).includes('staff') });

/** Public: masked beneficiary, no contact, the helper as a unit name or a masked member name. */
export function toCard(w: WishRecord, photos: VisiblePhotos): WishCardView {
  const pick = (ids: string[]) => ids.flatMap((id) => (photos.urls[id] ? [photos.urls[id]] : []));
  const shown = [...pick(w.photos), ...pick(w.delivery?.photos ?? [])];
  return {
    id: w._id,
    title: w.title,
    story: w.story,
    category: w.category,
    beneficiaryType: w.beneficiaryType,
    beneficiaryName: maskName(w.beneficiary.name),
    value: w.value,
    communityId: w.communityId,
    communityName: w.communityName,
    status: w.status,
    publishAt: new Date(w.publishAt).toISOString(),
    photoUrls: pick(w.photos),
    campaign: w.campaign,
    helper: w.claim?.helperDisplay ?? null,
    closedAt: iso(w.closedAt),
    deliveryPhotoUrls: pick(w.delivery?.photos ?? []),
    photoMarks: marksOf(photos, shown),
  };
}

export function toClaimView(w: WishRecord, now: Date): ClaimView | null {
  const c = w.claim;
  if (!c) return null;
  const deadline = new Date(c.deadline);
  return {
    kind: c.kind,
    helper: c.helperDisplay,
    claimedAt: new Date(c.claimedAt).toISOString(),
    deadline: deadline.toISOString(),
    urgency: w.status === 'claimed' ? claimUrgency({ deadline, remindAt: new Date(c.remindAt) }, now) : 'ok',
    daysLeft: daysLeft(deadline, now),
  };
}

const historyView = (w: WishRecord): HistoryEntryView[] =>
  w.history.map((e) => ({ event: e.event, from: e.from, to: e.to, by: e.byLabel, at: new Date(e.at).toISOString(), ...(e.reason ? { reason: e.reason } : {}) }));

/** One viewer's view: the buttons the machine allows them, the contact only if they may see it. */
export function toDetail(w: WishRecord, actor: Actor, relations: WishRelation[], now: Date, photos: VisiblePhotos): WishDetailView {
  const seesContact = canSeeBeneficiaryContact(relations);
  const actions = availableEvents(factsOf(w), relations, now);
  const staff = relations.includes('staff');
  const mine = relations.includes('poster') || relations.includes('claimant');
  return {
    ...toCard(w, photos),
    relations,
    actions,
    contact: seesContact ? { name: w.beneficiary.name, phone: w.beneficiary.phone } : null,
    claim: toClaimView(w, now),
    delivery: w.delivery ? { note: w.delivery.note, at: new Date(w.delivery.at).toISOString() } : null,
    rejectReason: staff || mine ? w.rejectReason : null,
    contentFlag: staff ? w.contentFlag : null,
    history: historyView(w),
    contactReveals: staff ? (w.contactReveals ?? []).map((r) => ({ by: r.byLabel, at: new Date(r.at).toISOString() })) : null,
    proposedToViewer: isProposedTo(actor, w),
    claimAs: actions.includes('claim') ? claimOptions(actor) : [],
  };
}

/** Staff lists (review queue, chase list): contact (by the same rule as the detail) and the helper's phone for follow-up. */
export function toStaffRow(w: WishRecord, actor: Actor, now: Date, photos: VisiblePhotos): StaffWishRow {
  const claim = toClaimView(w, now);
  const seesContact = canSeeBeneficiaryContact(wishRelations(actor, w));
  return {
    ...toCard(w, photos),
    contact: seesContact ? { name: w.beneficiary.name, phone: w.beneficiary.phone } : null,
    claim: claim && w.claim ? { ...claim, helperContact: w.claim.helperPhone, reminded: w.claim.reminded } : null,
    contentFlag: w.contentFlag,
    createdAt: new Date(w.createdAt).toISOString(),
  };
}
