import type { FunctionSettings, IndexSpec, TriggerSpec } from './desired';
import type { CurrentState } from './plan';

/**
 * The small interface the deploy needs from a CloudBase environment. `manager-target.ts` implements it with
 * @cloudbase/manager-node; tests use an in-memory fake of this interface (our own seam, not a fake of manager-node).
 * Every method resolves only when the platform confirmed the change and rejects otherwise.
 */
export interface DeployTarget {
  readState(names: { functions: string[]; collections: string[] }): Promise<CurrentState>;
  createFunction(fn: FunctionWrite): Promise<void>;
  updateFunctionCode(fn: FunctionWrite): Promise<void>;
  updateFunctionConfig(fn: FunctionWrite): Promise<void>;
  createTrigger(functionName: string, trigger: TriggerSpec): Promise<void>;
  deleteTrigger(functionName: string, triggerName: string): Promise<void>;
  createCollection(name: string): Promise<void>;
  createIndexes(collection: string, indexes: IndexSpec[]): Promise<void>;
  setCollectionPermission(collection: string, permission: 'ADMINONLY'): Promise<void>;
}

export interface FunctionWrite extends FunctionSettings {
  /** The built folder. */
  dir: string;
  /** Glob patterns left out of the upload (source maps unless asked for). */
  ignore: string[];
  /** Stored as the function's description so the next run can tell the code is current. */
  description: string;
}
