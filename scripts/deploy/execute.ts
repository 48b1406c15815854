import { functionSettings, SOURCE_MAP_IGNORE, type DesiredFunction } from './desired';
import { describeCode, describeStep, type Plan, type Step } from './plan';
import type { DeployTarget, FunctionWrite } from './target';

export interface StepResult {
  step: Step;
  ok: boolean;
  error?: string;
}

export interface ExecuteOptions {
  withSourceMaps?: boolean;
  log?: (line: string) => void;
}

/**
 * Runs the steps in order and stops at the first failure: later steps may depend on it (a trigger on a function that
 * was not created, indexes on a missing collection), and a re-run plans again from what is really there.
 */
export async function executePlan(plan: Plan, target: DeployTarget, options: ExecuteOptions = {}): Promise<{ ok: boolean; results: StepResult[] }> {
  const log = options.log ?? (() => undefined);
  const results: StepResult[] = [];
  if (plan.conflicts.length) return { ok: false, results };
  for (const [i, step] of plan.steps.entries()) {
    const label = `${i + 1}/${plan.steps.length} ${describeStep(step)}`;
    try {
      await runStep(step, target, options.withSourceMaps ?? false);
      results.push({ step, ok: true });
      log(`ok   ${label}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      results.push({ step, ok: false, error: message });
      log(`FAIL ${label}\n     ${message}`);
      return { ok: false, results };
    }
  }
  return { ok: true, results };
}

function write(fn: DesiredFunction, withSourceMaps: boolean): FunctionWrite {
  return {
    ...functionSettings(fn),
    dir: fn.dir,
    ignore: withSourceMaps ? [] : SOURCE_MAP_IGNORE,
    description: describeCode(fn.codeHash),
  };
}

async function runStep(step: Step, target: DeployTarget, withSourceMaps: boolean): Promise<void> {
  switch (step.kind) {
    case 'function.create':
      return target.createFunction(write(step.detail, withSourceMaps));
    case 'function.code':
      return target.updateFunctionCode(write(step.detail, withSourceMaps));
    case 'function.config':
      return target.updateFunctionConfig(write(step.detail, withSourceMaps));
    case 'trigger.delete':
      return target.deleteTrigger(step.function, step.trigger);
    case 'trigger.create':
      return target.createTrigger(step.function, step.trigger);
    case 'collection.create':
      return target.createCollection(step.collection);
    case 'index.create':
      return target.createIndexes(step.collection, step.indexes);
    case 'rule.set':
      return target.setCollectionPermission(step.collection, step.permission);
  }
}

/** The failed step named for the exit message. */
export const failedStep = (results: StepResult[]) => results.find((r) => !r.ok);
