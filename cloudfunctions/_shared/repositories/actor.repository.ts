import type { Actor } from '../../../src/domain/roles';
import type { UserRecord } from './user.repository';

/** The caller as permission checks see it, from their own document (one read, done by the action seam). */
export const actorOf = (openid: string, user: UserRecord | null): Actor => ({
  openid,
  isMember: Boolean(user?.member),
  communityId: user?.communityId ?? null,
  grants: user?.grants ?? [],
});
