import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deploy, parseArgs } from '../../../scripts/deploy';
import { COLLECTION_PERMISSION, parseDotenv, readDesiredState, renderPlaceholders, type IndexSpec, type TriggerSpec } from '../../../scripts/deploy/desired';
import { codeHashOf, computePlan, type CurrentState } from '../../../scripts/deploy/plan';
import type { DeployTarget, FunctionWrite } from '../../../scripts/deploy/target';

/**
 * The deploy against cloudbaserc.json itself. The environment is `FakeTarget`, an in-memory test double of our own
 * DeployTarget interface (scripts/deploy/target.ts) — not a fake of @cloudbase/manager-node, whose calls live in
 * scripts/deploy/manager-target.ts and are checked against its types by tsc.
 */

const root = path.resolve(__dirname, '../../..');
const rc = JSON.parse(fs.readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8')) as {
  functions: { name: string; runtime?: string; timeout: number; memorySize?: number; handler?: string; envVariables?: Record<string, string>; triggers?: TriggerSpec[] }[];
  database: { collections: { name: string; indexes: { name: string; keys: Record<string, 1 | -1 | '2dsphere'>; unique?: boolean }[] }[] };
};
const variableNames = [...new Set(JSON.stringify(rc).match(/\{\{\s*env\.([A-Za-z0-9_]+)\s*\}\}/g)!.map((m) => m.replace(/\{\{\s*env\.|\s*\}\}/g, '')))];
const fullEnv = (): Record<string, string> => ({
  ...Object.fromEntries(variableNames.map((name) => [name, `value-of-${name}`])),
  ENV_ID: 'prod-1a2b3c',
  TENCENTCLOUD_SECRETID: 'AKIDtest',
  TENCENTCLOUD_SECRETKEY: 'secret-that-must-not-be-printed',
});

/** Built function folders as the build writes them, source map included. */
function fakeBuild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-build-'));
  for (const fn of rc.functions) {
    fs.mkdirSync(path.join(dir, fn.name));
    fs.writeFileSync(path.join(dir, fn.name, 'index.js'), `exports.main = async () => '${fn.name}';\n//# sourceMappingURL=index.js.map\n`);
    fs.writeFileSync(path.join(dir, fn.name, 'index.js.map'), '{"version":3}');
    fs.writeFileSync(path.join(dir, fn.name, 'package.json'), '{}');
    fs.writeFileSync(path.join(dir, fn.name, 'config.json'), JSON.stringify({ permissions: { openapi: ['security.msgSecCheck'] } }));
  }
  return dir;
}

class FakeTarget implements DeployTarget {
  functions = new Map<string, { write: FunctionWrite; triggers: TriggerSpec[] }>();
  collections = new Map<string, { indexes: IndexSpec[]; permission?: string }>();
  calls: string[] = [];
  failOn: string | undefined;
  /** Answers as manager-node did for `tcb fn deploy --all`: resolves, but the change is not there. */
  silentlyIgnore: string | undefined;

  private act(call: string, apply: () => void) {
    this.calls.push(call);
    if (this.failOn && call.startsWith(this.failOn)) return Promise.reject(new Error(`platform refused ${call}`));
    if (!(this.silentlyIgnore && call.startsWith(this.silentlyIgnore))) apply();
    return Promise.resolve();
  }
  readState(): Promise<CurrentState> {
    return Promise.resolve({
      functions: [...this.functions.values()].map(({ write, triggers }) => ({
        name: write.name,
        runtime: write.runtime,
        timeout: write.timeout,
        memorySize: write.memorySize,
        handler: write.handler,
        envVariables: { ...write.envVariables },
        triggers: triggers.map((t) => ({ ...t })),
        codeHash: codeHashOf(write.description),
      })),
      collections: [...this.collections.entries()].map(([name, c]) => ({ name, indexes: c.indexes.map((i) => ({ ...i })), permission: c.permission })),
    });
  }
  createFunction(fn: FunctionWrite) {
    return this.act(`createFunction ${fn.name}`, () => this.functions.set(fn.name, { write: { ...fn }, triggers: [] }));
  }
  updateFunctionCode(fn: FunctionWrite) {
    return this.act(`updateFunctionCode ${fn.name}`, () => Object.assign(this.functions.get(fn.name)!.write, { handler: fn.handler }));
  }
  updateFunctionConfig(fn: FunctionWrite) {
    return this.act(`updateFunctionConfig ${fn.name}`, () =>
      Object.assign(this.functions.get(fn.name)!.write, { timeout: fn.timeout, memorySize: fn.memorySize, envVariables: fn.envVariables, description: fn.description }),
    );
  }
  createTrigger(name: string, trigger: TriggerSpec) {
    return this.act(`createTrigger ${name}/${trigger.name}`, () => this.functions.get(name)!.triggers.push({ ...trigger }));
  }
  deleteTrigger(name: string, trigger: string) {
    return this.act(`deleteTrigger ${name}/${trigger}`, () => {
      const fn = this.functions.get(name)!;
      fn.triggers = fn.triggers.filter((t) => t.name !== trigger);
    });
  }
  createCollection(name: string) {
    return this.act(`createCollection ${name}`, () => this.collections.set(name, { indexes: [{ name: '_id_', unique: true, keys: [{ name: '_id', direction: '1' }] }] }));
  }
  createIndexes(collection: string, indexes: IndexSpec[]) {
    return this.act(`createIndexes ${collection}`, () => this.collections.get(collection)!.indexes.push(...indexes));
  }
  setCollectionPermission(collection: string, permission: 'ADMINONLY') {
    return this.act(`setCollectionPermission ${collection}`, () => {
      this.collections.get(collection)!.permission = permission;
    });
  }
}

const run = async (argv: string[], env: Record<string, string>, target: DeployTarget, functionsDir: string) => {
  const lines: string[] = [];
  const code = await deploy(parseArgs(argv), { root, functionsDir, env, log: (l) => lines.push(l), connect: () => target });
  return { code, output: lines.join('\n') };
};

describe('npm run deploy -- --dry-run (no credentials)', () => {
  it('lists every function, trigger, variable name, collection, index and rule of cloudbaserc.json, and touches nothing', async () => {
    const build = fakeBuild();
    const target = new FakeTarget();
    const { code, output } = await run(['--dry-run'], {}, target, build);
    expect(code).toBe(0);
    expect(target.calls).toEqual([]);
    expect(output).toContain('not compared with the environment');
    for (const fn of rc.functions) {
      expect(output).toContain(
        `create function ${fn.name}: ${fn.runtime ?? 'Nodejs18.15'}, handler ${fn.handler ?? 'index.main'}, timeout ${fn.timeout}s, memory ${fn.memorySize ?? 256} MB`,
      );
      for (const key of Object.keys(fn.envVariables ?? {})) expect(output).toMatch(new RegExp(`create function ${fn.name}:[^\\n]*${key}=\\*\\*\\*`));
      for (const t of fn.triggers ?? []) expect(output).toContain(`create timer trigger ${fn.name}/${t.name}: ${t.config}`);
      // No source map goes up unless asked for.
      expect(output).toMatch(new RegExp(`create function ${fn.name}:[^\\n]*upload config.json index.js package.json \\(open APIs: security.msgSecCheck\\)`));
    }
    for (const c of rc.database.collections) {
      expect(output).toContain(`create collection ${c.name}\n`);
      for (const index of c.indexes) {
        const keys = Object.entries(index.keys).map(([k, d]) => `${k} ${d}`).join(', ');
        expect(output).toMatch(new RegExp(`create indexes on ${c.name}: [^\\n]*${escape(`${index.name} (${keys}${index.unique ? ', unique' : ''})`)}`));
      }
      expect(output).toContain(`set security rule of ${c.name}: ADMINONLY (no client reads or writes)`);
    }
    expect(output).toContain(`a real run also needs: ${variableNames.join(', ')}`);
    // WeChat's message push routes cannot be set through CloudBase's API: the plan names them as a console step.
    for (const r of (rc as { messagePush?: Array<{ msgType: string; event: string; functionName: string }> }).messagePush ?? []) {
      expect(output).toContain(`消息推送 → 添加: 消息类型 ${r.msgType}, 事件类型 ${r.event}, 云函数 ${r.functionName}`);
    }
    expect(output).toContain('事件类型 wxa_media_check');
  });

  it('plans exactly one step per function, trigger, collection, index batch and rule (nothing extra)', () => {
    const desired = readDesiredState({ root, functionsDir: fakeBuild() });
    const plan = computePlan(desired, undefined);
    const count = (kind: string) => plan.steps.filter((s) => s.kind === kind).length;
    expect(count('function.create')).toBe(rc.functions.length);
    expect(count('trigger.create')).toBe(rc.functions.flatMap((f) => f.triggers ?? []).length);
    expect(count('collection.create')).toBe(rc.database.collections.length);
    expect(count('index.create')).toBe(rc.database.collections.filter((c) => c.indexes.length).length);
    expect(plan.steps.filter((s) => s.kind === 'index.create').flatMap((s) => (s.kind === 'index.create' ? s.indexes : []))).toHaveLength(
      rc.database.collections.flatMap((c) => c.indexes).length,
    );
    expect(plan.steps.filter((s) => s.kind === 'rule.set').map((s) => (s.kind === 'rule.set' ? s.permission : ''))).toEqual(rc.database.collections.map(() => COLLECTION_PERMISSION));
    expect(plan.steps).toHaveLength(rc.functions.length + count('trigger.create') + rc.database.collections.length * 2 + count('index.create'));
    for (const step of plan.steps) if (step.kind === 'index.create') for (const i of step.indexes) expect(i.unique).toBe(rc.database.collections.find((c) => c.name === step.collection)!.indexes.find((x) => x.name === i.name)!.unique ?? false);
  });

  it('--with-source-maps uploads the map too', () => {
    const desired = readDesiredState({ root, functionsDir: fakeBuild(), withSourceMaps: true });
    expect(desired.functions[0].files).toEqual(['config.json', 'index.js', 'index.js.map', 'package.json']);
  });

  it('refuses a real run without credentials, and names missing variables when credentials are given', async () => {
    const build = fakeBuild();
    expect((await run([], {}, new FakeTarget(), build)).code).toBe(2);
    const env = fullEnv();
    delete env[variableNames[1]];
    const target = new FakeTarget();
    const { code, output } = await run([], env, target, build);
    expect(code).toBe(2);
    expect(output).toContain(`missing environment variables: ${variableNames[1]}`);
    expect(target.calls).toEqual([]);
    expect(() => renderPlaceholders('{{env.NOPE}}', { NOPE: '' }, 'x')).toThrow(/NOPE is not set/);
  });
});

describe('npm run deploy against an environment (fake target)', () => {
  it('creates everything, never prints a variable value or a secret, and a second run plans nothing', async () => {
    const build = fakeBuild();
    const target = new FakeTarget();
    const first = await run([], fullEnv(), target, build);
    expect(first.code).toBe(0);
    expect(first.output).not.toMatch(/value-of-|secret-that-must-not/);
    expect(target.functions.get('qa')!.write.envVariables).toEqual({
      SIGNING_SECRET: 'value-of-SIGNING_SECRET',
      TARO_APP_TPL_QUESTION_ANSWERED: 'value-of-TARO_APP_TPL_QUESTION_ANSWERED',
    });
    expect(target.functions.get('wish')!.triggers.map((t) => t.name).sort()).toEqual(['reconcileClaimCounters', 'wishReminders']);
    expect(target.functions.get('qa')!.write.ignore).toEqual(['*.map', '**/*.map']);
    expect(target.collections.get('users')!.indexes.find((i) => i.name === 'openid_unique')).toMatchObject({ unique: true, keys: [{ name: 'openid', direction: '1' }] });

    target.calls = [];
    const second = await run([], fullEnv(), target, build);
    expect(second.code).toBe(0);
    expect(second.output).toContain('nothing to do');
    expect(target.calls).toEqual([]);
  });

  it('updates only what changed: code, a variable, a schedule; extra indexes are kept, not dropped', async () => {
    const build = fakeBuild();
    const target = new FakeTarget();
    await run([], fullEnv(), target, build);
    fs.appendFileSync(path.join(build, 'notice', 'index.js'), '// changed\n');
    target.functions.get('wish')!.triggers.find((t) => t.name === 'wishReminders')!.config = '0 0 8 * * * *';
    target.collections.get('notices')!.indexes.push({ name: 'made_by_hand', unique: false, keys: [{ name: 'title', direction: '1' }] });
    target.calls = [];
    const env = { ...fullEnv(), TARO_APP_TPL_QUESTION_ANSWERED: 'new-id' };
    const { code, output } = await run([], env, target, build);
    expect(code).toBe(0);
    expect(target.calls).toEqual([
      'updateFunctionConfig qa',
      'updateFunctionCode notice',
      'updateFunctionConfig notice',
      'deleteTrigger wish/wishReminders',
      'createTrigger wish/wishReminders',
    ]);
    expect(output).toContain('envVariables ~TARO_APP_TPL_QUESTION_ANSWERED');
    expect(output).toContain('index made_by_hand (title 1) is not in cloudbaserc.json: kept');
    expect(target.collections.get('notices')!.indexes.map((i) => i.name)).toContain('made_by_hand');
  });

  it('stops before any change when an index of the same name has other keys, naming it', async () => {
    const build = fakeBuild();
    const target = new FakeTarget();
    await run([], fullEnv(), target, build);
    target.collections.get('users')!.indexes.find((i) => i.name === 'openid_unique')!.unique = false;
    fs.appendFileSync(path.join(build, 'user', 'index.js'), '// changed\n');
    target.calls = [];
    const { code, output } = await run([], fullEnv(), target, build);
    expect(code).toBe(1);
    expect(output).toContain('CONFLICT collection users: index openid_unique is openid_unique (openid 1), cloudbaserc.json says openid_unique (openid 1, unique)');
    expect(target.calls).toEqual([]);
  });

  it('exits non-zero at the first failed step, naming it; the next run resumes from what is there', async () => {
    const build = fakeBuild();
    const target = new FakeTarget();
    target.failOn = 'createIndexes wishes';
    const first = await run([], fullEnv(), target, build);
    expect(first.code).toBe(1);
    expect(first.output).toContain('deploy failed at: create indexes on wishes');
    expect(first.output).toContain('platform refused createIndexes wishes');
    expect(target.calls[target.calls.length - 1]).toBe('createIndexes wishes');

    target.failOn = undefined;
    target.calls = [];
    const second = await run([], fullEnv(), target, build);
    expect(second.code).toBe(0);
    expect(target.calls[0]).toBe('createIndexes wishes');
    expect(target.calls.some((c) => c.startsWith('createFunction'))).toBe(false);
  });

  it('a change the platform acknowledged but did not make shows up again in the next plan', async () => {
    const build = fakeBuild();
    const target = new FakeTarget();
    target.silentlyIgnore = 'setCollectionPermission questions';
    await run([], fullEnv(), target, build);
    target.silentlyIgnore = undefined;
    target.calls = [];
    const { output } = await run(['--dry-run'], fullEnv(), target, build);
    expect(output).toContain('compared with the environment as it is now');
    expect(output).toContain('set security rule of questions: ADMINONLY');
    expect(target.calls).toEqual([]);
  });
});

describe('deploy helpers', () => {
  it('reads .env.production lines as dotenv does', () => {
    expect(parseDotenv('# c\nA=1\nexport B="two words"\nC=\'x\'\nD=plain # note\nbad line')).toEqual({ A: '1', B: 'two words', C: 'x', D: 'plain' });
  });
  it('rejects unknown options', () => {
    expect(() => parseArgs(['--dryrun'])).toThrow(/unknown option --dryrun/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
