import { notFound } from '../../../src/domain/errors';
import type { PledgeResource } from '../../../src/domain/pledge.policy';
import { findOrg, type OrgRecord } from '../../_shared/repositories/organisation.repository';
import { findPledge, type PledgeRecord } from '../../_shared/repositories/pledge.repository';

export async function existingOrg(input: { orgId: string }): Promise<OrgRecord> {
  const org = await findOrg(input.orgId);
  if (!org) throw notFound('组织不存在');
  return org;
}

export type LoadedPledge = PledgeResource & { record: PledgeRecord; branchRecord: OrgRecord };

/** The pledge and its branch: who may act on a pledge depends on where its branch sits in the tree. */
export async function existingPledge(input: { pledgeId: string }): Promise<LoadedPledge> {
  const record = await findPledge(input.pledgeId);
  if (!record) throw notFound('承诺不存在');
  const branchRecord = await findOrg(record.branchId);
  if (!branchRecord) throw notFound('承诺所属的党支部不存在');
  return {
    record,
    branchRecord,
    pledge: { openid: record.openid, status: record.status, year: record.year, rated: record.rating !== null },
    branch: branchRecord,
  };
}
