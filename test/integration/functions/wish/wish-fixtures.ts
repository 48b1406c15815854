import { sdkFor } from '../../../helpers/emulator-sdk';
import { expectOk, type TestPlatform } from '../../../helpers/local-platform';
import type { WishDetailView } from '../../../../src/domain/wish.schema';

export const HUBIN = 'c-donghu-hubin';
export const RESIDENT = 'demo-resident';
export const MEMBER = 'demo-member';
export const STAFF = 'demo-community-staff';
export const LEAGUE = 'demo-league-staff';
export const UNIT_ADMIN = 'demo-unit-admin';
export const BENEFICIARY_PHONE = '13755556666';

let seq = 0;
export const requestId = (prefix = 'req') => `${prefix}-${Date.now().toString(36)}-${(seq += 1)}`;

export const wishInput = (overrides: Record<string, unknown> = {}) => ({
  title: '想要一套新课本',
  story: '孩子今年上三年级，家里困难，想要一套新的课外读物和文具。',
  category: '学习用品',
  beneficiaryType: '留守儿童',
  value: 120,
  photos: [],
  communityId: HUBIN,
  beneficiaryName: '张小花',
  beneficiaryPhone: BENEFICIARY_PHONE,
  requestId: requestId('post'),
  ...overrides,
});

/** Members living in 湖滨社区, written straight into `users` as registration would leave them. */
export async function insertMembers(platform: TestPlatform, openids: string[]): Promise<void> {
  const db = sdkFor(platform.emulatorUrl).database();
  const now = new Date();
  for (let i = 0; i < openids.length; i += 50) {
    await Promise.all(
      openids.slice(i, i + 50).map((openid, j) =>
        db.collection('users').add({
          _id: openid,
          openid,
          communityId: HUBIN,
          grants: [],
          createdAt: now,
          member: { name: `党员${i + j}号`, phone: '13800001111', workUnitId: 'u-city-organ', workUnitName: '南昌市直机关工委', partyBranch: '第一支部', skills: [], registeredAt: now, updatedAt: now },
        }),
      ),
    );
  }
}

/** A resident's wish, published by staff: ready to claim. */
export async function publishedWish(platform: TestPlatform, overrides: Record<string, unknown> = {}): Promise<WishDetailView> {
  const posted = expectOk(await platform.call<WishDetailView>('wish', RESIDENT, { action: 'post', ...wishInput(overrides) }));
  return expectOk(await platform.call<WishDetailView>('wish', STAFF, { action: 'review', wishId: posted.id, decision: 'approve' }));
}


/** Reads a wish document straight from the emulator (what was or was not written). */
export async function storedWish(platform: TestPlatform, id: string): Promise<Record<string, any> | undefined> {
  const { data } = await sdkFor(platform.emulatorUrl).database().collection('wishes').doc(id).get();
  return (data as Record<string, any>[])[0];
}

export async function storedCounter(platform: TestPlatform, key: string): Promise<Record<string, any> | undefined> {
  const { data } = await sdkFor(platform.emulatorUrl).database().collection('wish_claimants').doc(key).get();
  return (data as Record<string, any>[])[0];
}
