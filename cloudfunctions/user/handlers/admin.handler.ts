import { createHash } from 'node:crypto';
import { invalidArgument, notFound } from '../../../src/domain/errors';
import { canCreateCommunity, canCreateUnit, canGrantRole, canSearchPeople } from '../../../src/domain/user.policy';
import { maskName, maskPhone } from '../../../src/domain/masking';
import type { RoleGrant } from '../../../src/domain/roles';
import { userActions, type CommunityView, type PersonMatch, type UnitView } from '../../../src/domain/user.schema';
import { defineAction } from '../../_shared/define-function';
import { findCommunity, insertCommunity, toCommunityView } from '../../_shared/repositories/community.repository';
import { findOrg } from '../../_shared/repositories/organisation.repository';
import { findUnit, insertUnit } from '../../_shared/repositories/unit.repository';
import { ensureMonthDocs } from '../../_shared/repositories/stat-counter.repository';
import { monthsAhead } from '../../../src/domain/stat-period';
import { addGrant, searchPeople as findPeople } from '../../_shared/repositories/user.repository';

/** Ids derived from the client's request id: a retried create cannot make a second record. */
const idFrom = (prefix: string, requestId: string) => `${prefix}-${createHash('sha256').update(requestId).digest('hex').slice(0, 16)}`;

export const createCommunity = defineAction({
  schema: userActions.createCommunity,
  access: 'user',
  authorize: canCreateCommunity,
  idempotent: true,
  async handler(input, ctx): Promise<CommunityView> {
    const { requestId, ...fields } = input;
    const community = await insertCommunity(idFrom('c', requestId), fields);
    // Its statistics documents exist before its first wish or 报到, as the nightly run keeps them for the others.
    await ensureMonthDocs([{ scopeType: 'community', scopeId: community._id, name: community.name }], monthsAhead(ctx.now()));
    return toCommunityView(community);
  },
});

export const createUnit = defineAction({
  schema: userActions.createUnit,
  access: 'user',
  authorize: canCreateUnit,
  idempotent: true,
  async handler(input, ctx): Promise<UnitView> {
    const unit = await insertUnit(idFrom('u', input.requestId), input.name);
    if (!unit) throw invalidArgument([{ field: 'name', message: `已有名为「${input.name}」的单位，请勿重复添加` }]);
    await ensureMonthDocs([{ scopeType: 'unit', scopeId: unit._id }], monthsAhead(ctx.now()));
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

/** The people an admin may grant a role to, found without typing an openid; names and phones stay masked. */
export const searchPeople = defineAction({
  schema: userActions.searchPeople,
  access: 'user',
  authorize: canSearchPeople,
  async handler(input): Promise<{ items: PersonMatch[] }> {
    const people = await findPeople(input.query);
    return {
      items: people.flatMap((u) =>
        u.member ? [{ openid: u.openid, name: maskName(u.member.name), phone: maskPhone(u.member.phone), workUnitName: u.member.workUnitName, grants: u.grants }] : [],
      ),
    };
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
    case 'organisation': {
      const org = await findOrg(scopeId);
      if (!org || org.status !== 'active') throw notFound('党组织不存在或已合并');
      return org.name;
    }
    case 'street':
      return scopeId;
    case 'global':
      return '全局';
  }
}
