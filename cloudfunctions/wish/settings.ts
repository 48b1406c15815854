import { z } from 'zod';
import { MEMBER_OPEN_CLAIMS_LIMIT, UNIT_OPEN_CLAIMS_LIMIT } from '../../src/domain/wish-rules';

/**
 * Deployment settings of the wish function, parsed once: the settable limits and the subscribe-message templates
 * (template ids come from the mini-program's admin console, so they differ per deployment).
 */
const schema = z.object({
  WISH_MEMBER_OPEN_CLAIMS: z.coerce.number().int().min(1).max(10).default(MEMBER_OPEN_CLAIMS_LIMIT),
  WISH_UNIT_OPEN_CLAIMS: z.coerce.number().int().min(1).max(100).default(UNIT_OPEN_CLAIMS_LIMIT),
  WISH_TEMPLATE_REMINDER: z.string().min(1).default('wish-claim-reminder'),
  WISH_TEMPLATE_CLAIM_ENDED: z.string().min(1).default('wish-claim-ended'),
  WISH_TEMPLATE_DELIVERED: z.string().min(1).default('wish-delivered'),
});

export type WishSettings = z.infer<typeof schema>;

let parsed: WishSettings | undefined;

export function settings(): WishSettings {
  if (parsed) return parsed;
  const result = schema.safeParse(process.env);
  if (!result.success) {
    throw new Error(`wish settings invalid: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  parsed = result.data;
  return parsed;
}
