import { z } from 'zod';
import { defineSettings } from '../_shared/settings';
import { MEMBER_OPEN_CLAIMS_LIMIT, UNIT_OPEN_CLAIMS_LIMIT } from '../../src/domain/wish-rules';

/**
 * Deployment settings of the wish function, parsed once: the settable limits. Its subscribe-message templates are
 * settings of src/domain/notice-templates.ts, checked when the function starts (index.ts).
 */
const schema = z.object({
  WISH_MEMBER_OPEN_CLAIMS: z.coerce.number().int().min(1).max(10).default(MEMBER_OPEN_CLAIMS_LIMIT),
  WISH_UNIT_OPEN_CLAIMS: z.coerce.number().int().min(1).max(100).default(UNIT_OPEN_CLAIMS_LIMIT),
});

export const settings = defineSettings('wish', schema);
