/**
 * The contract of a cloud function, derived from its action table: the client (src/lib/cloud.ts) and the tests call
 * functions through it, so an action name, a payload field or a result shape that drifts fails to compile.
 * Types only: importing this (with `import type`) adds nothing to a bundle.
 */
import type { z } from 'zod';

/** One action as a caller sees it: what it sends (before defaults) and what it gets back. */
export interface ActionApi<I, O> {
  input: I;
  output: O;
}

/** `ApiOf<typeof main>` → `{ [action]: { input: z.input<schema>; output: Awaited<handler result> } }`. */
export type ApiOf<F> = F extends { actions: infer A }
  ? {
      [K in keyof A]: A[K] extends { schema: infer S extends z.ZodType; handler: (...args: never[]) => Promise<infer R> }
        ? ActionApi<z.input<S>, R>
        : never;
    }
  : never;
