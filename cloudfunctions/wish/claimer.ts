import { forbidden } from '../../src/domain/errors';
import { maskName } from '../../src/domain/masking';
import { canClaimWishes } from '../../src/domain/permissions';
import type { Actor } from '../../src/domain/roles';
import { holderKeyOf, type ClaimHolder } from '../../src/domain/wish-relations';
import type { UserRecord } from '../_shared/repositories/user.repository';
import { settings } from './settings';

/** The caller as permissions see it, from the user document the claim read anyway (same fields as loadActor). */
export const actorFromUser = (openid: string, user: UserRecord | null): Actor => ({
  openid,
  isMember: Boolean(user?.member),
  communityId: user?.communityId ?? null,
  grants: user?.grants ?? [],
});

export interface Helper {
  holder: ClaimHolder;
  key: string;
  /** The counter's holderId: the openid or the unit id. */
  id: string;
  name: string;
  /** Public: unit name, or the member's masked name. */
  display: string;
  phone: string | null;
  limit: number;
}

/** Who would hold the claim or the offer: the member themselves, or (asUnit) the unit they administer. */
export function helperOf(actor: Actor, user: UserRecord | null, asUnit: boolean): Helper {
  if (!canClaimWishes(actor, asUnit)) {
    throw forbidden(asUnit ? '只有单位党组织管理员可以以单位名义认领' : '只有登记的在职党员可以认领心愿，请先完成党员登记');
  }
  if (asUnit) {
    const grant = actor.grants.find((g) => g.role === 'unit_admin' && g.scopeType === 'unit');
    const unitId = grant?.scopeId ?? '';
    const holder: ClaimHolder = { kind: 'unit', openid: actor.openid, unitId };
    const unitName = grant?.scopeName || unitId;
    return { holder, key: holderKeyOf(holder), id: unitId, name: unitName, display: unitName, phone: null, limit: settings().WISH_UNIT_OPEN_CLAIMS };
  }
  const member = user?.member;
  const holder: ClaimHolder = { kind: 'member', openid: actor.openid, unitId: null };
  const name = member?.name ?? '';
  return { holder, key: holderKeyOf(holder), id: actor.openid, name, display: maskName(name), phone: member?.phone ?? null, limit: settings().WISH_MEMBER_OPEN_CLAIMS };
}

/** Every counter key the caller may act through: their own and each unit they administer. */
export const holderKeysOf = (actor: Actor) => [
  `m:${actor.openid}`,
  ...actor.grants.filter((g) => g.role === 'unit_admin' && g.scopeType === 'unit').map((g) => `u:${g.scopeId}`),
];
