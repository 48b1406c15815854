import { z } from 'zod';
import { defineSettings } from '../_shared/settings';

/**
 * Deployment settings of the checkin function, parsed once (cloudbaserc.json → envVariables).
 *
 * WXACODE_ENV_VERSION: which version of the mini-program a 报到码 opens. Codes are printed and posted on walls, and a
 * `trial` code keeps opening the 体验版 — which only listed testers may open — for as long as it hangs there. So a
 * missing setting falls back to `release`, the version everyone can open; `trial` is set on purpose while only testers
 * use the app (before the first release) and switched back at release, after which the codes are made again.
 */
const schema = z.object({
  WXACODE_ENV_VERSION: z.enum(['release', 'trial', 'develop']).default('release'),
});

export const settings = defineSettings('checkin', schema);
