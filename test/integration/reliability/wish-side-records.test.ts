import fc from 'fast-check';
import { expectOk, startTestPlatform, type TestPlatform } from '../../helpers/local-platform';
import { uploadPhoto } from '../../helpers/upload-photo';
import { aMemberProfile, aWishInput, requestId } from '../../fixtures/builders';
import { storedDoc } from '../../fixtures/database';
import { HUBIN, LEAGUE, STAFF } from '../../fixtures/personas';
import { offerStatus } from '../../../src/domain/wish-relations';

/**
 * Model-based: any sequence of moves on a few wishes — claims, cancels, deliveries, 销号, revokes, offers, proposals
 * declined, reassigned or overtaken by a claim — leaves the side records consistent with the wishes: each holder's
 * open-claims counter equals the claims they hold (plus slots still held after a cancel), each wish's ledger flags
 * match the states it went through, and each offer's status as league staff see it is the one its wish implies,
 * with a proposal pointing both ways. Runs through the real functions; the invariants are checked after every sequence.
 */

jest.setTimeout(600_000);

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
}, 60_000);

afterAll(() => platform?.close());

const WISHES = 3;
const MEMBERS = 2;

type Move =
  | { kind: 'claim' | 'cancel' | 'deliver'; wish: number; member: number }
  | { kind: 'confirm' | 'revoke'; wish: number }
  | { kind: 'offer'; member: number }
  | { kind: 'assign'; wish: number; offer: number }
  | { kind: 'decline'; wish: number; member: number };

const wish = fc.integer({ min: 0, max: WISHES - 1 });
const member = fc.integer({ min: 0, max: MEMBERS - 1 });
const move: fc.Arbitrary<Move> = fc.oneof(
  fc.record({ kind: fc.constantFrom('claim' as const, 'cancel' as const, 'deliver' as const), wish, member }),
  fc.record({ kind: fc.constantFrom('confirm' as const, 'revoke' as const), wish }),
  fc.record({ kind: fc.constant('offer' as const), member }),
  fc.record({ kind: fc.constant('assign' as const), wish, offer: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('decline' as const), wish, member }),
);

interface StoredWish {
  _id: string;
  status: string;
  claim: { holderKey: string } | null;
  proposal: { offerId: string; holderKey: string } | null;
  ledger?: { posted?: number; claimed?: number; closed?: number };
}
interface StoredOffer {
  _id: string;
  holderKey: string;
  proposedWishId: string | null;
}

async function run(moves: Move[]): Promise<string[]> {
  const members = Array.from({ length: MEMBERS }, () => requestId('side'));
  for (const m of members) expectOk(await platform.call('user', m, { action: 'registerMember', ...aMemberProfile({ requestId: requestId('reg') }) }));
  const photos = await Promise.all(members.map((m) => uploadPhoto(platform, m)));
  // A fresh poster per sequence: one resident posting for every run would meet the daily posting limit.
  const poster = requestId('poster');
  expectOk(await platform.call('user', poster, { action: 'setHomeCommunity', communityId: HUBIN.id }));
  const wishes: string[] = [];
  for (let i = 0; i < WISHES; i += 1) {
    const { id } = expectOk(await platform.call<{ id: string }>('wish', poster, { action: 'post', ...aWishInput({ onBehalf: false, requestId: requestId('w') }) }));
    expectOk(await platform.call('wish', STAFF, { action: 'review', wishId: id, decision: 'approve' }));
    wishes.push(id);
  }
  const offers: string[] = [];

  for (const m of moves) {
    // Refusals are part of the model (a move the state does not allow); only what was written is checked.
    if (m.kind === 'claim') await platform.call('wish', members[m.member], { action: 'claim', wishId: wishes[m.wish] });
    else if (m.kind === 'cancel') await platform.call('wish', members[m.member], { action: 'move', wishId: wishes[m.wish], event: 'cancel', reason: '临时有事无法完成' });
    else if (m.kind === 'deliver') await platform.call('wish', members[m.member], { action: 'deliver', wishId: wishes[m.wish], photos: [photos[m.member]], note: '已送到' });
    else if (m.kind === 'confirm') await platform.call('wish', poster, { action: 'move', wishId: wishes[m.wish], event: 'confirm' });
    else if (m.kind === 'revoke') await platform.call('wish', STAFF, { action: 'move', wishId: wishes[m.wish], event: 'revoke', reason: '心愿已由其他渠道解决' });
    else if (m.kind === 'offer') {
      const reply = await platform.call<{ id: string }>('wish', members[m.member], { action: 'offer', communityId: HUBIN.id, ways: ['购赠实物'], note: '可以提供学习用品', requestId: requestId('offer') });
      if (reply.body.ok) offers.push(reply.body.data.id);
    } else if (m.kind === 'assign' && offers.length > 0) await platform.call('wish', LEAGUE, { action: 'assign', wishId: wishes[m.wish], offerId: offers[m.offer % offers.length] });
    else if (m.kind === 'decline') await platform.call('wish', members[m.member], { action: 'declineProposal', wishId: wishes[m.wish] });
  }
  return problems(wishes, offers, members);
}

async function problems(wishIds: string[], offerIds: string[], members: string[]): Promise<string[]> {
  const found: string[] = [];
  const wishes = new Map<string, StoredWish>();
  for (const id of wishIds) wishes.set(id, (await storedDoc<StoredWish>(platform, 'wishes', id))!);

  for (const w of wishes.values()) {
    const l = w.ledger ?? {};
    const claimedSome = ['claimed', 'fulfilled', 'closed'].includes(w.status);
    if (l.posted !== 1) found.push(`${w._id}: ledger.posted ${l.posted} for an approved wish`);
    if (claimedSome && l.claimed !== 1) found.push(`${w._id}: ${w.status} but ledger.claimed ${l.claimed}`);
    if ((w.status === 'closed') !== (l.closed === 1)) found.push(`${w._id}: ${w.status} but ledger.closed ${l.closed}`);
    // A proposal overtaken by someone else's claim stays on the wish but is inert: offerStatus reads it as open, and
    // every move back to published (cancel, release) clears it.
    if (w.proposal && w.status === 'published' && w.claim) found.push(`${w._id}: published with a claim and a proposal`);
  }

  const now = Date.now();
  for (const m of members) {
    const key = `m:${m}`;
    const counter = await storedDoc<{ open: number; holds?: (Date | string)[] }>(platform, 'wish_claimants', key);
    const held = [...wishes.values()].filter((w) => w.status === 'claimed' && w.claim?.holderKey === key).length;
    const holds = (counter?.holds ?? []).filter((until) => new Date(until).getTime() > now).length;
    if ((counter?.open ?? 0) !== held + holds) found.push(`${key}: counter ${counter?.open ?? 0}, holds ${held} claim(s) and ${holds} held slot(s)`);
  }

  // What league staff see is derived from the wish an offer was proposed to; it must agree with the wishes.
  const shown = new Map(expectOk(await platform.call('wish', LEAGUE, { action: 'listOffers' })).items.map((o) => [o.id, o.status]));
  for (const id of offerIds) {
    const offer = (await storedDoc<StoredOffer>(platform, 'wish_offers', id))!;
    const proposedTo = offer.proposedWishId ? (wishes.get(offer.proposedWishId) ?? null) : null;
    const expected = offerStatus(offer, proposedTo);
    if (shown.get(id) !== expected) found.push(`offer ${id}: shown ${shown.get(id)}, its wish implies ${expected}`);
    const proposing = [...wishes.values()].filter((w) => w.status === 'published' && w.proposal?.offerId === id);
    if (proposing.length > 1) found.push(`offer ${id}: proposed on ${proposing.length} wishes at once`);
    if (proposing.length === 1 && offer.proposedWishId !== proposing[0]._id) found.push(`offer ${id}: a wish proposes it but it points to ${offer.proposedWishId}`);
  }
  return found;
}

it('keeps counters, ledgers and offers consistent with the wishes after any sequence of moves', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(move, { minLength: 4, maxLength: 14 }), async (moves) => {
      expect(await run(moves)).toEqual([]);
    }),
    { numRuns: 12 },
  );
});

it('keeps an offer consistent when its proposal is overtaken by someone else’s claim, then reassigned', async () => {
  const problemsFound = await run([
    { kind: 'offer', member: 0 },
    { kind: 'assign', wish: 0, offer: 0 },
    { kind: 'claim', wish: 0, member: 1 },
    { kind: 'assign', wish: 1, offer: 0 },
    { kind: 'decline', wish: 1, member: 0 },
    { kind: 'assign', wish: 2, offer: 0 },
    { kind: 'claim', wish: 2, member: 0 },
    { kind: 'cancel', wish: 0, member: 1 },
  ]);
  expect(problemsFound).toEqual([]);
});

