import type { z } from 'zod';

/**
 * A function's deployment settings (cloudbaserc.json → envVariables), parsed from the environment once per instance
 * on first use. An invalid value fails loudly, naming the function and every bad variable, rather than running with
 * a guess.
 */
export function defineSettings<S extends z.ZodType>(functionName: string, schema: S): () => z.output<S> {
  let parsed: z.output<S> | undefined;
  return () => {
    if (parsed) return parsed;
    const result = schema.safeParse(process.env);
    if (!result.success) {
      throw new Error(`${functionName} settings invalid: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    parsed = result.data;
    return parsed as z.output<S>;
  };
}
