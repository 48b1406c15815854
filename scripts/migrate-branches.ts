/**
 * Links members' free-text 党支部 to the branches of the organisation tree by name, and lists what it could not
 * match. Run against a deployment with `npx tsx scripts/migrate-branches.ts [--dry-run]` and the CloudBase
 * credentials in TCB_ENV_ID, TCB_SECRET_ID, TCB_SECRET_KEY; the seed runs the same migration on the demo data, and
 * admins can run it from the console (`org.migrateBranches`).
 */
import tcb from '@cloudbase/node-sdk';
import { migrateBranches } from '../local/seed/branch-migration';

async function cli(): Promise<void> {
  const { TCB_ENV_ID: env, TCB_SECRET_ID: secretId, TCB_SECRET_KEY: secretKey } = process.env;
  if (!env || !secretId || !secretKey) throw new Error('set TCB_ENV_ID, TCB_SECRET_ID and TCB_SECRET_KEY');
  const db = tcb.init({ env, secretId, secretKey }).database();
  const report = await migrateBranches(db, { dryRun: process.argv.includes('--dry-run') });
  console.log(`linked ${report.linked} member(s)`);
  for (const u of report.unmatched) console.log(`unmatched: 「${u.name}」 (${u.members} member(s))`);
  if (report.unmatched.length > 0) process.exitCode = 1;
}

if (require.main === module) void cli();
