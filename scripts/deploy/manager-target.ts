import path from 'node:path';
import CloudBase from '@cloudbase/manager-node';
import { functionSettings, type IndexSpec } from './desired';
import { codeHashOf, type CurrentCollection, type CurrentFunction, type CurrentState } from './plan';
import type { DeployTarget, FunctionWrite } from './target';

/**
 * The one module that calls @cloudbase/manager-node (5.6.5; method names and shapes from its types/ folder).
 * manager-node swallows some failures (updateFunctionConfig only warns when a trigger fails; checkCollectionExists
 * answers "missing" on any error), so triggers are created on their own and every write is read back before it counts.
 */
export function managerTarget(credentials: { secretId: string; secretKey: string; token?: string; envId: string }): DeployTarget {
  const app = new CloudBase({ secretId: credentials.secretId, secretKey: credentials.secretKey, token: credentials.token, envId: credentials.envId });
  const functions = app.functions;
  const database = app.database;

  const detail = async (name: string) => {
    await functions.waitFunctionActive(name);
    const info = await functions.getFunctionDetail(name);
    if (info.Status !== 'Active') throw new Error(`function ${name} is ${info.Status}: ${info.StatusDesc ?? ''}`);
    return info;
  };
  const requireRequestId = (what: string, res: unknown) => {
    if (!res || typeof res !== 'object' || !(res as { RequestId?: unknown }).RequestId) throw new Error(`${what}: no confirmation in the answer ${JSON.stringify(res)}`);
  };
  const funcParam = (fn: FunctionWrite) => ({
    ...functionSettings(fn),
    installDependency: false,
    ignore: fn.ignore,
    description: fn.description,
  });
  const verifyConfig = async (fn: FunctionWrite) => {
    const info = await detail(fn.name);
    const env = Object.fromEntries((info.Environment?.Variables ?? []).map((v) => [v.Key, v.Value]));
    const wrong = [
      info.Timeout !== fn.timeout && `timeout ${info.Timeout}`,
      info.MemorySize !== fn.memorySize && `memorySize ${info.MemorySize}`,
      info.Handler !== fn.handler && `handler ${info.Handler}`,
      info.Description !== fn.description && 'description',
      ...Object.keys(fn.envVariables).filter((k) => env[k] !== fn.envVariables[k]).map((k) => `envVariables.${k}`),
    ].filter(Boolean);
    if (wrong.length) throw new Error(`function ${fn.name} reads back different: ${wrong.join(', ')}`);
  };
  const indexesOf = async (collection: string): Promise<IndexSpec[]> => {
    const table = await database.describeCollection(collection);
    return (table.Indexes ?? []).map((index) => ({
      name: index.Name,
      unique: Boolean(index.Unique),
      keys: (index.Keys ?? []).map((k) => ({ name: k.Name ?? '', direction: (k.Direction ?? '1') as IndexSpec['keys'][number]['direction'] })),
    }));
  };

  return {
    async readState(names) {
      const existing = new Set<string>();
      for (let offset = 0; ; offset += 100) {
        const page = await functions.getFunctionList(100, offset);
        for (const f of page.Functions ?? []) existing.add(f.FunctionName);
        if (!page.Functions?.length || offset + 100 >= page.TotalCount) break;
      }
      const current: CurrentFunction[] = [];
      for (const name of existing) {
        if (!names.functions.includes(name)) {
          current.push({ name, runtime: '', timeout: 0, memorySize: 0, handler: '', envVariables: {}, triggers: [], codeHash: undefined });
          continue;
        }
        const info = await functions.getFunctionDetail(name);
        current.push({
          name,
          runtime: info.Runtime,
          timeout: info.Timeout,
          memorySize: info.MemorySize,
          handler: info.Handler,
          envVariables: Object.fromEntries((info.Environment?.Variables ?? []).map((v) => [v.Key, v.Value])),
          triggers: (info.Triggers ?? []).filter((t) => t.Type === 'timer').map((t) => ({ name: t.TriggerName, type: 'timer' as const, config: cronOf(t) })),
          codeHash: codeHashOf(info.Description),
        });
      }

      const collectionNames = new Set<string>();
      for (let offset = 0; ; offset += 100) {
        const page = await database.listCollections({ MgoLimit: 100, MgoOffset: offset });
        for (const c of page.Collections ?? []) collectionNames.add(c.CollectionName);
        if (!page.Collections?.length || offset + 100 >= (page.Pager?.Total ?? 0)) break;
      }
      const wanted = names.collections.filter((n) => collectionNames.has(n));
      const permissions = new Map<string, string>();
      try {
        for (let i = 0; i < wanted.length; i += 100) {
          const res = await app.permission.describeResourcePermission({ resourceType: 'collection', resources: wanted.slice(i, i + 100) });
          for (const p of res.Data?.PermissionList ?? []) if (p.Resource && p.Permission) permissions.set(p.Resource, p.Permission);
        }
      } catch (error) {
        // Marked deprecated in manager-node: when it cannot be read, the rule is set again (setting it is harmless).
        console.warn(`could not read collection rules (${error instanceof Error ? error.message : String(error)}); they will be set again`);
      }
      const collections: CurrentCollection[] = [];
      for (const name of wanted) collections.push({ name, indexes: await indexesOf(name), permission: permissions.get(name) });
      return { functions: current, collections } satisfies CurrentState;
    },

    async createFunction(fn) {
      const res = await functions.createFunction({ func: funcParam(fn), functionRootPath: path.dirname(fn.dir), force: false });
      requireRequestId(`create function ${fn.name}`, res);
      await verifyConfig(fn);
    },
    async updateFunctionCode(fn) {
      const res = await functions.updateFunctionCode({ func: funcParam(fn), functionRootPath: path.dirname(fn.dir) });
      requireRequestId(`update code of ${fn.name}`, res);
      const info = await detail(fn.name);
      if (info.Handler !== fn.handler) throw new Error(`function ${fn.name} handler reads back ${info.Handler}`);
    },
    async updateFunctionConfig(fn) {
      // No triggers here: manager-node would only warn if they failed.
      const { name, timeout, memorySize, envVariables, description } = funcParam(fn);
      const res = await functions.updateFunctionConfig({ name, timeout, memorySize, envVariables, description });
      requireRequestId(`update settings of ${fn.name}`, res);
      await verifyConfig(fn);
    },
    async createTrigger(functionName, trigger) {
      const res = await functions.createFunctionTriggers(functionName, [trigger]);
      requireRequestId(`create trigger ${functionName}/${trigger.name}`, res);
      const info = await functions.getFunctionDetail(functionName);
      const found = (info.Triggers ?? []).find((t) => t.TriggerName === trigger.name);
      if (!found || cronOf(found) !== trigger.config) throw new Error(`trigger ${functionName}/${trigger.name} does not read back as ${trigger.config}`);
    },
    async deleteTrigger(functionName, triggerName) {
      requireRequestId(`delete trigger ${functionName}/${triggerName}`, await functions.deleteFunctionTrigger(functionName, triggerName));
    },
    async createCollection(name) {
      const res = await database.createCollectionIfNotExists(name);
      if (!res.IsCreated && !res.ExistsResult?.Exists) throw new Error(`collection ${name} was neither created nor found: ${JSON.stringify(res)}`);
      await database.describeCollection(name);
    },
    async createIndexes(collection, indexes) {
      await database.updateCollection(collection, {
        CreateIndexes: indexes.map((index) => ({
          IndexName: index.name,
          MgoKeySchema: { MgoIsUnique: index.unique, MgoIndexKeys: index.keys.map((k) => ({ Name: k.name, Direction: k.direction })) },
        })),
      });
      const now = await indexesOf(collection);
      const absent = indexes.filter((index) => !now.some((n) => n.name === index.name));
      if (absent.length) throw new Error(`collection ${collection}: indexes ${absent.map((i) => i.name).join(', ')} do not read back`);
    },
    async setCollectionPermission(collection, permission) {
      const res = await app.permission.modifyResourcePermission({ resourceType: 'collection', resource: collection, permission });
      if (!res.Data?.Success) throw new Error(`rule of ${collection}: not accepted ${JSON.stringify(res)}`);
    },
  };
}

/** A timer's schedule as GetFunction reports it: TriggerDesc is `{"cron":"…"}` JSON or the plain expression. */
function cronOf(trigger: { TriggerDesc?: string; Config?: string }): string {
  const desc = trigger.TriggerDesc ?? trigger.Config ?? '';
  try {
    const parsed = JSON.parse(desc) as { cron?: unknown };
    if (typeof parsed.cron === 'string') return parsed.cron;
  } catch {
    // not JSON: the plain expression
  }
  return desc;
}

