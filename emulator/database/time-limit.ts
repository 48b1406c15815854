import vm from 'node:vm';
import { EmulatorError, EmulatorErrorCode } from '../errors';

/**
 * A user's regular expression can backtrack for minutes (`^(a+)+$` doubles with every character), and the
 * emulator answers every client on one thread. Work that evaluates one runs under a time limit: V8
 * terminates the synchronous call when it is exceeded, and the request gets CloudBase's DATABASE_TIMEOUT,
 * its answer for a database operation that runs past its time (MongoDB's MaxTimeMSExpired). Only such
 * work pays the watchdog's cost (a fraction of a millisecond per call).
 */
export const DEFAULT_QUERY_TIME_LIMIT_MS = 1_000;

const REGEX_OPERATORS = new Set(['$regex', '$regexMatch', '$regexFind', '$regexFindAll']);
const runner = new vm.Script('work()');
const sandbox = vm.createContext({ work: undefined as unknown });
let active = false;

/** Runs `work` synchronously, or fails with DATABASE_TIMEOUT once it has run `limitMs`. Nested calls share the outer limit. */
export function withinTimeLimit<T>(limitMs: number, what: string, work: () => T): T {
  if (active) return work();
  active = true;
  sandbox.work = work;
  try {
    return runner.runInContext(sandbox, { timeout: limitMs }) as T;
  } catch (error) {
    if ((error as { code?: unknown })?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      throw new EmulatorError(
        EmulatorErrorCode.databaseTimeout,
        `operation exceeded time limit: ${what} ran longer than ${limitMs} ms (a regular expression that backtracks too much?)`,
      );
    }
    throw error;
  } finally {
    sandbox.work = undefined;
    active = false;
  }
}

/** Whether a decoded query or pipeline holds a regular expression (a RegExp value or a regex operator). */
export function containsRegex(value: unknown): boolean {
  if (value instanceof RegExp) return true;
  if (Array.isArray(value)) return value.some(containsRegex);
  if (value === null || typeof value !== 'object' || value instanceof Date) return false;
  for (const [key, inner] of Object.entries(value)) if (REGEX_OPERATORS.has(key) || containsRegex(inner)) return true;
  return false;
}
