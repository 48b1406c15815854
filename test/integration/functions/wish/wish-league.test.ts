import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../../helpers/local-platform';
import type { CampaignView } from '../../../../src/domain/campaign.schema';
import type { OfferView } from '../../../../src/domain/wish-offer.schema';
import type { MyWishesView, StaffWishRow, WallView, WishDetailView } from '../../../../src/domain/wish.schema';
import { HUBIN, LEAGUE, MEMBER, RESIDENT, STAFF, UNIT_ADMIN, insertMembers, publishedWish, requestId, wishInput } from './wish-fixtures';

let platform: TestPlatform;
let clock = new Date('2025-05-25T10:00:00+08:00');
const CHILDRENS_DAY = '2025-06-01T09:00:00+08:00';

beforeAll(async () => {
  platform = await startTestPlatform({ now: () => clock });
  await insertMembers(platform, ['cp-a', 'cp-b']);
}, 60_000);

afterAll(() => platform?.close());

const call = <T>(openid: string | null, payload: Record<string, unknown>) => platform.call<T>('wish', openid, payload);

describe('league campaigns', () => {
  it('publishes a batch at the set time and holds each person to the campaign limit', async () => {
    const campaign = expectOk(
      await call<CampaignView>(LEAGUE, { action: 'createCampaign', name: '六一微心愿', scopeType: 'street', scopeId: 'st-baihuazhou', publishAt: CHILDRENS_DAY, perPersonLimit: 1, requestId: requestId('cp') }),
    );
    expect(campaign).toMatchObject({ name: '六一微心愿', open: false, scopeName: '百花洲街道' });

    const posted = [expectOk(await call<WishDetailView>(RESIDENT, { action: 'post', ...wishInput() })), expectOk(await call<WishDetailView>(RESIDENT, { action: 'post', ...wishInput() }))];
    for (const w of posted) {
      expectOk(await call(LEAGUE, { action: 'addToCampaign', wishId: w.id, campaignId: campaign.id }));
      expectOk(await call(LEAGUE, { action: 'review', wishId: w.id, decision: 'approve' }));
    }
    const ids = posted.map((w) => w.id);
    const before = expectOk(await call<WallView>(null, { action: 'wall', communityId: HUBIN }));
    expect(before.items.filter((w) => ids.includes(w.id))).toHaveLength(0);
    // Before the campaign opens its wishes are not public: a claim learns no more than for an unknown id.
    expect(errorOf(await call(MEMBER, { action: 'claim', wishId: ids[0] }))).toMatchObject({ code: 'NOT_FOUND', message: '心愿不存在或尚未公开' });

    clock = new Date(CHILDRENS_DAY);
    const after = expectOk(await call<WallView>(null, { action: 'wall', communityId: HUBIN }));
    expect(after.items.filter((w) => ids.includes(w.id)).map((w) => w.campaign?.name)).toEqual(['六一微心愿', '六一微心愿']);

    expectOk(await call('cp-a', { action: 'claim', wishId: ids[0] }));
    expect(errorOf(await call('cp-a', { action: 'claim', wishId: ids[1] }))).toMatchObject({ code: 'FAILED_PRECONDITION', message: '「六一微心愿」活动每人限领 1 个心愿' });
    expect(expectOk(await call<WallView>(null, { action: 'wall', communityId: HUBIN })).items.map((w) => w.id)).toContain(ids[1]);
    expectOk(await call('cp-b', { action: 'claim', wishId: ids[1] }));
  });

  it('refuses a campaign outside the staff member’s scope', async () => {
    const error = errorOf(
      await call(LEAGUE, { action: 'createCampaign', name: '春节送温暖', scopeType: 'community', scopeId: 'c-xihu-chaoyang', publishAt: CHILDRENS_DAY, perPersonLimit: 1, requestId: requestId('cp') }),
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(errorOf(await call(MEMBER, { action: 'listCampaigns' })).code).toBe('FORBIDDEN');
  });
});

describe('matching offers to wishes', () => {
  it('staff assign a wish to a unit that offered; the unit accepts by claiming it', async () => {
    const offer = expectOk(await call<OfferView>(UNIT_ADMIN, { action: 'offer', communityId: HUBIN, ways: ['购赠实物'], note: '可提供学习用品', asUnit: true, requestId: requestId('of') }));
    expect(offer).toMatchObject({ kind: 'unit', helper: '南昌市直机关工委', status: 'open' });
    const offers = expectOk(await call<{ items: OfferView[] }>(LEAGUE, { action: 'listOffers' }));
    expect(offers.items.map((o) => o.id)).toContain(offer.id);

    const wish = await publishedWish(platform, { title: '一套学习桌椅' });
    expectOk(await call(LEAGUE, { action: 'assign', wishId: wish.id, offerId: offer.id }));
    const mine = expectOk(await call<MyWishesView>(UNIT_ADMIN, { action: 'mine' }));
    expect(mine.proposals.map((w) => w.id)).toContain(wish.id);
    expect(mine.proposals.find((w) => w.id === wish.id)?.proposedToViewer).toBe(true);

    expectOk(await call(UNIT_ADMIN, { action: 'claim', wishId: wish.id, asUnit: true }));
    const matched = expectOk(await call<{ items: OfferView[] }>(LEAGUE, { action: 'listOffers' })).items.find((o) => o.id === offer.id);
    expect(matched).toMatchObject({ status: 'matched', proposedWishId: wish.id });
  });

  it('a matched claim costs the same three round trips as any claim, and the detail offers the ways to claim', async () => {
    const offer = expectOk(await call<OfferView>(MEMBER, { action: 'offer', communityId: HUBIN, ways: ['义务投劳'], note: '周末有空', requestId: requestId('of') }));
    const wish = await publishedWish(platform, { title: '修一修自行车' });
    expectOk(await call(LEAGUE, { action: 'assign', wishId: wish.id, offerId: offer.id }));
    const shown = expectOk(await call<WishDetailView>(MEMBER, { action: 'detail', wishId: wish.id }));
    expect(shown).toMatchObject({ proposedToViewer: true, claimAs: ['member'] });
    expect(expectOk(await call<WishDetailView>(RESIDENT, { action: 'detail', wishId: wish.id })).claimAs).toEqual([]);

    // The nightly timer has made this month's statistics documents (as in production), so counting is one update.
    await platform.fireTimer('ledger', 'reconcileStatCounters');
    const claimed = await call<WishDetailView>(MEMBER, { action: 'claim', wishId: wish.id });
    expect(expectOk(claimed).status).toBe('claimed');
    // Three sequential round trips, as any claim: the claimer, the take, then the slot and the statistics counters
    // together (four database calls).
    expect(await platform.roundTrips(claimed.invocationId)).toBeLessThanOrEqual(4);
    const matched = expectOk(await call<{ items: OfferView[] }>(LEAGUE, { action: 'listOffers' })).items.find((o) => o.id === offer.id);
    expect(matched).toMatchObject({ status: 'matched', proposedWishId: wish.id });

    // The claim ends: the offer is free to be matched again.
    expectOk(await call(MEMBER, { action: 'move', wishId: wish.id, event: 'cancel', reason: '临时出差' }));
    expect(expectOk(await call<{ items: OfferView[] }>(LEAGUE, { action: 'listOffers' })).items.find((o) => o.id === offer.id)?.status).toBe('open');
  });

  it('refuses an offer from someone who may not claim', async () => {
    expect(errorOf(await call(RESIDENT, { action: 'offer', communityId: HUBIN, ways: ['义务投劳'], note: '我来帮忙', requestId: requestId('of') })).code).toBe('FORBIDDEN');
  });
});

describe('staff scope', () => {
  it('league staff of the street see 湖滨社区’s queue and chase list; a resident does not', async () => {
    const posted = expectOk(await call<WishDetailView>(RESIDENT, { action: 'post', ...wishInput() }));
    const queue = expectOk(await call<{ items: StaffWishRow[] }>(LEAGUE, { action: 'reviewQueue' }));
    expect(queue.items.map((w) => w.id)).toContain(posted.id);
    expect(queue.items.find((w) => w.id === posted.id)?.contact?.phone).toBe('13755556666');
    expect(expectOk(await call<{ items: StaffWishRow[] }>(STAFF, { action: 'reviewQueue', communityId: HUBIN })).items.map((w) => w.id)).toContain(posted.id);
    expect(errorOf(await call(RESIDENT, { action: 'reviewQueue' })).code).toBe('FORBIDDEN');
    expect(errorOf(await call(STAFF, { action: 'chaseList', communityId: 'c-xihu-chaoyang' })).code).toBe('FORBIDDEN');
  });
});
