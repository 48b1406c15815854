import { z } from 'zod';

/**
 * Deployment settings of the qa function, parsed once. The template id comes from the mini-program's admin console
 * (订阅消息 → 我的模板), so it differs per deployment; its keys are thing1 问题, thing2 答复, time3 答复时间.
 */
const schema = z.object({
  QA_TEMPLATE_ANSWERED: z.string().min(1).default('qa-answered'),
  /** Questions the escalation timer handles per run; the next run picks up the rest. */
  QA_ESCALATION_BATCH: z.coerce.number().int().min(1).max(1000).default(200),
});

let parsed: z.infer<typeof schema> | undefined;

export function settings(): z.infer<typeof schema> {
  if (parsed) return parsed;
  const result = schema.safeParse(process.env);
  if (!result.success) throw new Error(`qa settings invalid: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  parsed = result.data;
  return parsed;
}
