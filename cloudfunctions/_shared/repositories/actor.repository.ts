import type { Actor } from '../../../src/domain/roles';
import { findUser } from './user.repository';

/** The caller as permission checks see it: one read of their own document. */
export async function loadActor(openid: string): Promise<Actor> {
  const user = openid ? await findUser(openid) : null;
  return {
    openid,
    isMember: Boolean(user?.member),
    communityId: user?.communityId ?? null,
    grants: user?.grants ?? [],
  };
}
