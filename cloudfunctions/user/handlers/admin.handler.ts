import { createHash } from 'node:crypto';
import { notFound } from '../../../src/domain/errors';
import { canCreateCommunity, canCreateUnit, canGrantRole } from '../../../src/domain/user.policy';
import type { RoleGrant } from '../../../src/domain/roles';
import { userActions, type CommunityView, type UnitView } from '../../../src/domain/user.schema';
import { defineAction } from '../../_shared/define-function';
import { findCommunity, insertCommunity, toCommunityView } from '../../_shared/repositories/community.repository';
import { findUnit, insertUnit } from '../../_shared/repositories/unit.repository';
import { addGrant } from '../../_shared/repositories/user.repository';

/** Ids derived from the client's request id: a retried create cannot make a second record. */
const idFrom = (prefix: string, requestId: string) => `${prefix}-${createHash('sha256').update(requestId).digest('hex').slice(0, 16)}`;

export const createCommunity = defineAction({
  schema: userActions.createCommunity,
  access: 'user',
  authorize: canCreateCommunity,
  idempotent: true,
  async handler(input): Promise<CommunityView> {
    const { requestId, ...fields } = input;
    return toCommunityView(await insertCommunity(idFrom('c', requestId), fields));
  },
});

export const createUnit = defineAction({
  schema: userActions.createUnit,
  access: 'user',
  authorize: canCreateUnit,
  idempotent: true,
  async handler(input): Promise<UnitView> {
    const unit = await insertUnit(idFrom('u', input.requestId), input.name);
    return { id: unit._id, name: unit.name };
  },
});

export const grantRole = defineAction({
  schema: userActions.grantRole,
  access: 'user',
  authorize: canGrantRole,
  async handler(input): Promise<RoleGrant> {
    const scopeName = await nameOfScope(input.scopeType, input.scopeId);
    const grant: RoleGrant = { role: input.role, scopeType: input.scopeType, scopeId: input.scopeId, scopeName };
    await addGrant(input.openid, grant);
    return grant;
  },
});

async function nameOfScope(scopeType: RoleGrant['scopeType'], scopeId: string): Promise<string> {
  switch (scopeType) {
    case 'community': {
      const community = await findCommunity(scopeId);
      if (!community) throw notFound('社区不存在');
      return community.name;
    }
    case 'unit': {
      const unit = await findUnit(scopeId);
      if (!unit) throw notFound('单位不存在');
      return unit.name;
    }
    case 'street':
      return scopeId;
    case 'global':
      return '全局';
  }
}
