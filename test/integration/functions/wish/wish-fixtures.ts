import { expectOk, type TestPlatform } from '../../../helpers/local-platform';
import type { WishRecord } from '../../../../cloudfunctions/_shared/repositories/wish.repository';
import type { WishDetailView } from '../../../../src/domain/wish.schema';
import { aWishInput } from '../../../fixtures/builders';
import { givenMembers, storedDoc } from '../../../fixtures/database';
import { HUBIN as HUBIN_PLACE, LEAGUE, MEMBER, RESIDENT, STAFF, UNIT_ADMIN } from '../../../fixtures/personas';

export { requestId } from '../../../fixtures/builders';
export { LEAGUE, MEMBER, RESIDENT, STAFF, UNIT_ADMIN };
export const HUBIN = HUBIN_PLACE.id;
export const BENEFICIARY_PHONE = aWishInput().beneficiaryPhone;

export const wishInput = (overrides: Record<string, unknown> = {}) => aWishInput(overrides);

/** Members living in 湖滨社区, written straight into `users` as registration would leave them. */
export async function insertMembers(platform: TestPlatform, openids: string[]): Promise<void> {
  await givenMembers(platform, openids);
}

/** A resident's wish, published by staff: ready to claim. */
export async function publishedWish(platform: TestPlatform, overrides: Record<string, unknown> = {}): Promise<WishDetailView> {
  const posted = expectOk(await platform.call<WishDetailView>('wish', RESIDENT, { action: 'post', ...wishInput(overrides) }));
  return expectOk(await platform.call<WishDetailView>('wish', STAFF, { action: 'review', wishId: posted.id, decision: 'approve' }));
}


/** Reads a wish document straight from the emulator (what was or was not written). */
export const storedWish = (platform: TestPlatform, id: string) => storedDoc<WishRecord>(platform, 'wishes', id);

export const storedCounter = (platform: TestPlatform, key: string) => storedDoc<{ open: number }>(platform, 'wish_claimants', key);
