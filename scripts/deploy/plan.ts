import type { CollectionPermission, DesiredCollection, DesiredFunction, DesiredState, FunctionSettings, IndexSpec, TriggerSpec } from './desired';

/**
 * The deployment plan: pure, from the desired state and (when credentials allow reading it) the current state.
 * With no current state every function, trigger, collection, index and rule is planned, which is what a fresh
 * environment needs and what `--dry-run` without credentials prints.
 */

export interface CurrentFunction extends FunctionSettings {
  triggers: TriggerSpec[];
  /** The code hash recorded by the last deploy (in the function's description), if any. */
  codeHash: string | undefined;
}
export interface CurrentCollection {
  name: string;
  indexes: IndexSpec[];
  /** undefined when the rule could not be read: it is then set again. */
  permission: string | undefined;
}
export interface CurrentState {
  functions: CurrentFunction[];
  collections: CurrentCollection[];
}

export type Step =
  | { kind: 'function.create'; function: string; detail: DesiredFunction }
  | { kind: 'function.code'; function: string; detail: DesiredFunction; reason: string }
  | { kind: 'function.config'; function: string; detail: DesiredFunction; changes: string[] }
  | { kind: 'trigger.delete'; function: string; trigger: string; reason: string }
  | { kind: 'trigger.create'; function: string; trigger: TriggerSpec }
  | { kind: 'collection.create'; collection: string }
  | { kind: 'index.create'; collection: string; indexes: IndexSpec[] }
  | { kind: 'rule.set'; collection: string; permission: CollectionPermission; was: string | undefined };

export interface Plan {
  envId: string | undefined;
  /** true when the current state was read; false for a plan against an empty environment. */
  diffed: boolean;
  steps: Step[];
  /** Differences the deploy must not resolve by itself (they would drop data or need a new function): the run stops. */
  conflicts: string[];
  /** Things left as they are, said out loud. */
  notes: string[];
}

/** The marker written into a function's description, read back to know which code is deployed. */
export const CODE_HASH_PREFIX = 'deploy:sha256=';
export const describeCode = (hash: string) => `${CODE_HASH_PREFIX}${hash}`;
export const codeHashOf = (description: string | undefined): string | undefined => {
  const match = description ? new RegExp(`${CODE_HASH_PREFIX}([0-9a-f]{64})`).exec(description) : null;
  return match ? match[1] : undefined;
};

export function computePlan(desired: DesiredState, current: CurrentState | undefined): Plan {
  const plan: Plan = { envId: desired.envId, diffed: current !== undefined, steps: [], conflicts: [], notes: [] };
  for (const fn of desired.functions) planFunction(plan, fn, current?.functions.find((f) => f.name === fn.name));
  for (const collection of desired.collections) planCollection(plan, collection, current?.collections.find((c) => c.name === collection.name));
  if (current) {
    for (const fn of current.functions) {
      if (!desired.functions.some((d) => d.name === fn.name)) plan.notes.push(`function ${fn.name} exists but is not in cloudbaserc.json: left as it is`);
    }
  }
  return plan;
}

function planFunction(plan: Plan, fn: DesiredFunction, now: CurrentFunction | undefined): void {
  if (!now) {
    plan.steps.push({ kind: 'function.create', function: fn.name, detail: fn });
    for (const trigger of fn.triggers) plan.steps.push({ kind: 'trigger.create', function: fn.name, trigger });
    return;
  }
  if (now.runtime !== fn.runtime) {
    // CloudBase cannot change a function's runtime in place; recreating it is a deliberate, manual step.
    plan.conflicts.push(`function ${fn.name}: runtime is ${now.runtime}, cloudbaserc.json says ${fn.runtime}; a runtime cannot be changed in place (delete the function in the console, then deploy again)`);
    return;
  }
  const codeReasons = [
    ...(now.codeHash !== fn.codeHash ? [now.codeHash ? 'code changed' : 'code not deployed by this script'] : []),
    ...(now.handler !== fn.handler ? [`handler ${now.handler} → ${fn.handler}`] : []),
  ];
  if (codeReasons.length) plan.steps.push({ kind: 'function.code', function: fn.name, detail: fn, reason: codeReasons.join(', ') });

  const changes: string[] = [];
  if (now.timeout !== fn.timeout) changes.push(`timeout ${now.timeout} → ${fn.timeout}`);
  if (now.memorySize !== fn.memorySize) changes.push(`memorySize ${now.memorySize} → ${fn.memorySize}`);
  const envChanges = diffEnv(now.envVariables, fn.envVariables);
  if (envChanges.length) changes.push(`envVariables ${envChanges.join(', ')}`);
  // The code hash lives in the description, so new code always comes with a config step that records it.
  if (codeReasons.length) changes.push('record code hash');
  const dropped = Object.keys(now.envVariables).filter((key) => !(key in fn.envVariables));
  if (dropped.length && !Object.keys(fn.envVariables).length) {
    plan.notes.push(`function ${fn.name}: variables ${dropped.join(', ')} are set but no longer declared; CloudBase keeps them unless one variable is declared (remove them in the console)`);
  }
  if (changes.length) plan.steps.push({ kind: 'function.config', function: fn.name, detail: fn, changes });

  for (const existing of now.triggers) {
    const wanted = fn.triggers.find((t) => t.name === existing.name);
    if (!wanted) plan.steps.push({ kind: 'trigger.delete', function: fn.name, trigger: existing.name, reason: 'not in cloudbaserc.json' });
    else if (wanted.config !== existing.config || wanted.type !== existing.type) {
      plan.steps.push({ kind: 'trigger.delete', function: fn.name, trigger: existing.name, reason: `schedule ${existing.config} → ${wanted.config}` });
    }
  }
  for (const trigger of fn.triggers) {
    const existing = now.triggers.find((t) => t.name === trigger.name);
    if (!existing || existing.config !== trigger.config || existing.type !== trigger.type) plan.steps.push({ kind: 'trigger.create', function: fn.name, trigger });
  }
}

/** Names only: values are never part of a plan. */
function diffEnv(now: Record<string, string>, wanted: Record<string, string>): string[] {
  const out: string[] = [];
  for (const key of Object.keys(wanted).sort()) {
    if (!(key in now)) out.push(`+${key}`);
    else if (now[key] !== wanted[key]) out.push(`~${key}`);
  }
  if (out.length) for (const key of Object.keys(now).sort()) if (!(key in wanted)) out.push(`-${key}`);
  return out;
}

const sameKeys = (a: IndexSpec, b: IndexSpec) =>
  a.keys.length === b.keys.length && a.keys.every((k, i) => k.name === b.keys[i].name && k.direction === b.keys[i].direction);
export const describeIndex = (index: IndexSpec) =>
  `${index.name} (${index.keys.map((k) => `${k.name} ${k.direction}`).join(', ')}${index.unique ? ', unique' : ''})`;

function planCollection(plan: Plan, collection: DesiredCollection, now: CurrentCollection | undefined): void {
  if (!now) plan.steps.push({ kind: 'collection.create', collection: collection.name });
  const missing: IndexSpec[] = [];
  for (const index of collection.indexes) {
    const existing = now?.indexes.find((i) => i.name === index.name);
    const sameShape = now?.indexes.find((i) => i.name !== index.name && sameKeys(i, index) && i.unique === index.unique);
    if (!existing && sameShape) {
      plan.notes.push(`collection ${collection.name}: index ${index.name} exists as ${sameShape.name} with the same keys: not created twice`);
    } else if (!existing) missing.push(index);
    else if (!sameKeys(existing, index) || existing.unique !== index.unique) {
      // Replacing it would drop an index some query relies on, or a uniqueness guarantee: a person decides.
      plan.conflicts.push(`collection ${collection.name}: index ${index.name} is ${describeIndex(existing)}, cloudbaserc.json says ${describeIndex(index)}; drop or rename it in the console, then deploy again`);
    }
  }
  if (missing.length) plan.steps.push({ kind: 'index.create', collection: collection.name, indexes: missing });
  for (const extra of now?.indexes ?? []) {
    if (extra.name !== '_id_' && !collection.indexes.some((i) => i.name === extra.name)) {
      plan.notes.push(`collection ${collection.name}: index ${describeIndex(extra)} is not in cloudbaserc.json: kept`);
    }
  }
  if (!now || now.permission !== collection.permission) {
    plan.steps.push({ kind: 'rule.set', collection: collection.name, permission: collection.permission, was: now?.permission });
  }
}

const mask = (env: Record<string, string>) => Object.keys(env).sort().map((k) => `${k}=***`).join(', ') || 'none';

/** One line per step; variable values are masked. */
export function describeStep(step: Step): string {
  switch (step.kind) {
    case 'function.create': {
      const f = step.detail;
      return `create function ${f.name}: ${f.runtime}, handler ${f.handler}, timeout ${f.timeout}s, memory ${f.memorySize} MB, env ${mask(f.envVariables)}; upload ${f.files.join(' ')} (open APIs: ${f.openapi.join(', ') || 'none'})`;
    }
    case 'function.code':
      return `update code of ${step.function} (${step.reason}): upload ${step.detail.files.join(' ')}, handler ${step.detail.handler} (open APIs: ${step.detail.openapi.join(', ') || 'none'})`;
    case 'function.config':
      return `update settings of ${step.function}: ${step.changes.join('; ')} (env ${mask(step.detail.envVariables)})`;
    case 'trigger.delete':
      return `delete trigger ${step.function}/${step.trigger} (${step.reason})`;
    case 'trigger.create':
      return `create ${step.trigger.type} trigger ${step.function}/${step.trigger.name}: ${step.trigger.config}`;
    case 'collection.create':
      return `create collection ${step.collection}`;
    case 'index.create':
      return `create indexes on ${step.collection}: ${step.indexes.map(describeIndex).join('; ')}`;
    case 'rule.set':
      return `set security rule of ${step.collection}: ${step.permission} (no client reads or writes)${step.was ? `, was ${step.was}` : ''}`;
  }
}

export function describePlan(plan: Plan): string {
  const lines = [
    `environment: ${plan.envId ?? '(not set)'}`,
    plan.diffed ? 'compared with the environment as it is now' : 'not compared with the environment (no credentials or --dry-run offline): everything is listed',
  ];
  if (!plan.steps.length) lines.push('nothing to do');
  plan.steps.forEach((step, i) => lines.push(`${String(i + 1).padStart(3)}. ${describeStep(step)}`));
  for (const conflict of plan.conflicts) lines.push(`CONFLICT ${conflict}`);
  for (const note of plan.notes) lines.push(`note: ${note}`);
  return lines.join('\n');
}
