import fs from 'node:fs';
import { z } from 'zod';

/** The `functions` section of cloudbaserc.json: the same file deployment reads. */
const functionConfigSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/),
  timeout: z.number().int().min(1).max(60).default(5),
  memorySize: z.number().int().optional(),
  runtime: z.string().optional(),
  triggers: z.array(z.object({ name: z.string(), type: z.literal('timer'), config: z.string() })).optional(),
});
export type FunctionConfig = z.infer<typeof functionConfigSchema>;

export function readFunctionConfigs(file: string): FunctionConfig[] {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { functions?: unknown };
  const parsed = z.array(functionConfigSchema).safeParse(raw.functions ?? []);
  if (!parsed.success) {
    throw new Error(`${file}: invalid functions section:\n  ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n  ')}`);
  }
  return parsed.data;
}
