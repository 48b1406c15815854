import path from 'node:path';
import { buildFunctions } from './build-functions';
import { messagePushSteps } from './deploy/message-push';
import { deploymentEnvironment, missingVariables, readDesiredState, type DesiredState } from './deploy/desired';
import { executePlan, failedStep } from './deploy/execute';
import { computePlan, describePlan, describeStep } from './deploy/plan';
import type { DeployTarget } from './deploy/target';

/**
 * npm run deploy [-- --dry-run] [--with-source-maps] [--no-build]
 *
 * Brings a CloudBase environment to what cloudbaserc.json and the build (dist/cloudfunctions, or FUNCTIONS_OUT)
 * describe: functions with settings, variables and timer triggers; collections with indexes and the rule that denies
 * client access. Credentials: TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY (and TENCENTCLOUD_SESSIONTOKEN for
 * temporary keys), ENV_ID. `--dry-run` with no credentials prints the whole plan without touching the network; with
 * credentials it reads the environment and prints the difference. Exits non-zero naming the step that failed.
 */

export interface DeployArgs {
  dryRun: boolean;
  withSourceMaps: boolean;
  /** Deploy the folders already in the build directory as they are (CI that built them in an earlier step). */
  noBuild: boolean;
}

export function parseArgs(argv: string[]): DeployArgs {
  const known = new Set(['--dry-run', '--with-source-maps', '--no-build']);
  const unknown = argv.filter((a) => !known.has(a));
  if (unknown.length) throw new Error(`unknown option ${unknown.join(' ')} (known: ${[...known].join(' ')})`);
  return { dryRun: argv.includes('--dry-run'), withSourceMaps: argv.includes('--with-source-maps'), noBuild: argv.includes('--no-build') };
}

export interface DeployContext {
  root: string;
  functionsDir: string;
  env: Record<string, string>;
  log: (line: string) => void;
  /** Builds the target from credentials; injected so tests can run the whole flow against a fake. */
  connect: (credentials: { secretId: string; secretKey: string; token?: string; envId: string }) => DeployTarget;
}

/** Returns the exit code. */
export async function deploy(args: DeployArgs, ctx: DeployContext): Promise<number> {
  const secretId = ctx.env.TENCENTCLOUD_SECRETID;
  const secretKey = ctx.env.TENCENTCLOUD_SECRETKEY;
  const hasCredentials = Boolean(secretId && secretKey);
  const missing = missingVariables(ctx.root, ctx.env);

  if (!hasCredentials) {
    if (!args.dryRun) {
      ctx.log('deploy needs TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (and ENV_ID); use --dry-run to see the plan without them');
      return 2;
    }
    const desired = readDesiredState({ root: ctx.root, functionsDir: ctx.functionsDir, withSourceMaps: args.withSourceMaps });
    ctx.log(describePlan(computePlan(desired, undefined)));
    for (const step of messagePushSteps(ctx.root)) ctx.log(step);
    if (missing.length) ctx.log(`a real run also needs: ${missing.join(', ')}`);
    return 0;
  }

  if (missing.length) {
    ctx.log(`missing environment variables: ${missing.join(', ')} (set them in the environment or in .env.production)`);
    return 2;
  }
  let desired: DesiredState;
  try {
    desired = readDesiredState({ root: ctx.root, functionsDir: ctx.functionsDir, env: ctx.env, withSourceMaps: args.withSourceMaps });
  } catch (error) {
    ctx.log(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const envId = desired.envId ?? ctx.env.ENV_ID;
  if (!envId) {
    ctx.log('no environment id: set ENV_ID');
    return 2;
  }
  const target = ctx.connect({ secretId: secretId as string, secretKey: secretKey as string, token: ctx.env.TENCENTCLOUD_SESSIONTOKEN || undefined, envId });
  let plan;
  try {
    const current = await target.readState({ functions: desired.functions.map((f) => f.name), collections: desired.collections.map((c) => c.name) });
    plan = computePlan({ ...desired, envId }, current);
  } catch (error) {
    ctx.log(`FAIL reading the environment ${envId}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  ctx.log(describePlan(plan));
  if (plan.conflicts.length) {
    ctx.log(`stopped before any change: ${plan.conflicts.length} conflict(s) above need a decision`);
    return 1;
  }
  if (args.dryRun || !plan.steps.length) {
    for (const step of messagePushSteps(ctx.root)) ctx.log(step);
    return 0;
  }

  const outcome = await executePlan(plan, target, { withSourceMaps: args.withSourceMaps, log: ctx.log });
  const failed = failedStep(outcome.results);
  if (failed) {
    ctx.log(`deploy failed at: ${describeStep(failed.step)}\n  ${failed.error}`);
    return 1;
  }
  ctx.log(`deployed: ${outcome.results.length} step(s) done`);
  for (const step of messagePushSteps(ctx.root)) ctx.log(step);
  return 0;
}

if (require.main === module) {
  const root = process.cwd();
  let args: DeployArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  const functionsDir = process.env.FUNCTIONS_OUT ? path.resolve(process.env.FUNCTIONS_OUT) : path.join(root, 'dist', 'cloudfunctions');
  // What goes up is built from the sources of this checkout, so a fresh clone can print its plan too.
  (args.noBuild ? Promise.resolve([]) : buildFunctions({ root, outDir: functionsDir }))
    .then(() =>
      deploy(args, {
        root,
        functionsDir,
        env: deploymentEnvironment(root, process.env),
        log: (line) => console.log(line),
        // Loaded only for a real run, so a dry run needs nothing beyond the repository.
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only for a real run (see above)
        connect: (credentials) => (require('./deploy/manager-target') as typeof import('./deploy/manager-target')).managerTarget(credentials),
      }),
    )
    .then((code) => process.exit(code))
    .catch((error) => {
      console.error('deploy failed:', error);
      process.exit(1);
    });
}
