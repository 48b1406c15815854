import { callFunction } from '@/lib/cloud';
import type { CampaignView } from '@/domain/campaign.schema';
import type { OfferView } from '@/domain/wish-offer.schema';
import type { MyWishesView, PostWishInput, StaffWishRow, WallFilters, WallView, WishCardView, WishDetailView } from '@/domain/wish.schema';

const FN = 'wish';

export const fetchWall = (filters: WallFilters, page = 0) => callFunction<WallView>(FN, 'wall', { ...filters, page });
export const fetchPublicity = (communityId?: string) =>
  callFunction<{ items: WishCardView[]; hasMore: boolean }>(FN, 'publicity', communityId ? { communityId } : {});
export const fetchWish = (wishId: string) => callFunction<WishDetailView>(FN, 'detail', { wishId });
export const fetchMine = () => callFunction<MyWishesView>(FN, 'mine', {});

export const postWish = (input: PostWishInput, requestId: string) => callFunction<WishDetailView>(FN, 'post', { ...input, requestId });
export const reviewWish = (wishId: string, decision: 'approve' | 'reject', reason?: string) =>
  callFunction<WishDetailView>(FN, 'review', { wishId, decision, ...(reason ? { reason } : {}) });
export const claimWish = (wishId: string, asUnit: boolean) => callFunction<WishDetailView>(FN, 'claim', { wishId, asUnit });
export const deliverWish = (wishId: string, photos: string[], note: string) => callFunction<WishDetailView>(FN, 'deliver', { wishId, photos, note });
export const moveWish = (wishId: string, event: 'withdraw' | 'cancel' | 'release' | 'revoke' | 'confirm', reason?: string) =>
  callFunction<WishDetailView>(FN, 'move', { wishId, event, ...(reason ? { reason } : {}) });

export const fetchReviewQueue = () => callFunction<{ items: StaffWishRow[] }>(FN, 'reviewQueue', {}).then((r) => r.items);
export const fetchChaseList = () => callFunction<{ items: StaffWishRow[] }>(FN, 'chaseList', {}).then((r) => r.items);
export const sendReminders = () => callFunction<{ reminded: number; sent: number }>(FN, 'sendReminders', {});

export const fetchCampaigns = () => callFunction<{ items: CampaignView[] }>(FN, 'listCampaigns', {}).then((r) => r.items);
export const createCampaign = (input: { name: string; scopeType: 'community' | 'street'; scopeId: string; publishAt: string; perPersonLimit: number }, requestId: string) =>
  callFunction<CampaignView>(FN, 'createCampaign', { ...input, requestId });
export const addToCampaign = (wishId: string, campaignId: string) => callFunction(FN, 'addToCampaign', { wishId, campaignId });

export const fetchOffers = () => callFunction<{ items: OfferView[] }>(FN, 'listOffers', {}).then((r) => r.items);
export const offerHelp = (input: { communityId: string; ways: string[]; note: string; asUnit: boolean }, requestId: string) =>
  callFunction<OfferView>(FN, 'offer', { ...input, requestId });
export const assignWish = (wishId: string, offerId: string) => callFunction(FN, 'assign', { wishId, offerId });
export const declineProposal = (wishId: string) => callFunction(FN, 'declineProposal', { wishId });
