import { callFunction } from '@/lib/cloud';
import type { RoleGrant } from '@/domain/roles';
import type { CommunityView, UnitView } from '@/domain/user.schema';
import type { CommunityFormInput, GrantFormInput, UnitFormInput } from './admin-forms';

export const createCommunity = (input: CommunityFormInput, requestId: string) =>
  callFunction<CommunityView>('user', 'createCommunity', { ...input, requestId });

export const createUnit = (input: UnitFormInput, requestId: string) => callFunction<UnitView>('user', 'createUnit', { ...input, requestId });

/** Granting is naturally idempotent on the server (unique per openid, role, scope): no request id. */
export const grantRole = (input: GrantFormInput) => callFunction<RoleGrant>('user', 'grantRole', { ...input });
