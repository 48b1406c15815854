/**
 * The branch migration, shared by `scripts/migrate-branches.ts` (a deployment) and the seed: links members' free-text
 * 党支部 to the tree's branches by name and lists what it could not
 * match. Run against a deployment with `npx tsx scripts/migrate-branches.ts [--dry-run]` and the CloudBase
 * credentials in TCB_ENV_ID, TCB_SECRET_ID, TCB_SECRET_KEY; the seed runs the same migration on the demo data, and
 * admins can run it from the console (`org.migrateBranches`).
 */
import tcb from '@cloudbase/node-sdk';
import { matchBranchNames, type OrgNode } from '../../src/domain/organisation';

type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;

export interface BranchMigration {
  linked: number;
  unmatched: { name: string; members: number }[];
}

export async function migrateBranches(db: Db, options: { dryRun?: boolean } = {}): Promise<BranchMigration> {
  const _ = db.command;
  const { data: branches } = await db.collection('organisations').where({ type: 'branch', status: 'active' }).limit(1000).get();
  const { data: members } = await db
    .collection('users')
    .where({ 'member.name': _.exists(true), 'member.branchId': _.exists(false) })
    .limit(1000)
    .get();
  const names = (members as { member: { partyBranch: string } }[]).map((u) => u.member.partyBranch);
  const { matched, unmatched } = matchBranchNames(names, branches as OrgNode[]);
  let linked = 0;
  for (const [name, branchId] of Object.entries(matched)) {
    const branch = (branches as OrgNode[]).find((b) => b._id === branchId) as OrgNode;
    if (options.dryRun) {
      linked += names.filter((n) => n === name).length;
      continue;
    }
    const { updated } = (await db
      .collection('users')
      .where({ 'member.partyBranch': name, 'member.branchId': _.exists(false) })
      .update({ 'member.branchId': branch._id, 'member.partyBranch': branch.name })) as { updated?: number };
    linked += updated ?? 0;
  }
  return { linked, unmatched: unmatched.map((name) => ({ name, members: names.filter((n) => n === name).length })) };
}

