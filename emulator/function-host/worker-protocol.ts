/** Messages between the host and a function worker thread. */
export interface InvokeMessage {
  type: 'invoke';
  id: number;
  /** Absolute path of the file the function's handler names (index.js for `index.main`). */
  bundle: string;
  /** The export to call (main for `index.main`). */
  exportName: string;
  event: unknown;
  context: Record<string, unknown>;
  /** Per-invocation variables (caller identity, seq id, clock); they replace the previous invocation's. */
  env: Record<string, string>;
}

export type ResultMessage =
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: string };
