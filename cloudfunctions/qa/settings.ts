import { z } from 'zod';
import { defineSettings } from '../_shared/settings';

/**
 * Deployment settings of the qa function, parsed once. Its subscribe-message template is a setting of
 * src/domain/notice-templates.ts, checked when the function starts (index.ts).
 */
const schema = z.object({
  /** Questions the escalation timer handles per run; the next run picks up the rest. */
  QA_ESCALATION_BATCH: z.coerce.number().int().min(1).max(1000).default(200),
});

export const settings = defineSettings('qa', schema);
