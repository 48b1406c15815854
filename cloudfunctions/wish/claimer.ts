import { maskName } from '../../src/domain/masking';
import type { Actor } from '../../src/domain/roles';
import { holderKeyOf, type ClaimHolder } from '../../src/domain/wish-relations';
import type { UserRecord } from '../_shared/repositories/user.repository';
import { settings } from './settings';

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

/** Who would hold the claim or the offer (after `canClaimWishes` allowed it): the member, or (asUnit) their unit. */
export function helperOf(actor: Actor, user: UserRecord | null, asUnit: boolean): Helper {
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
