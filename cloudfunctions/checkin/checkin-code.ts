import {
  CHECKIN_CODE_EXPIRED_MESSAGE,
  CHECKIN_CODE_INVALID_MESSAGE,
  checkinCodeMessage,
  codeWindowOf,
  formatCheckinCode,
  isFreshWindow,
  parseCheckinCode,
} from '../../src/domain/checkin-code';
import { failedPrecondition, invalidArgument } from '../../src/domain/errors';
import { sign, verifySignature } from '../_shared/signing';

const PURPOSE = 'activity-checkin-code';

/** The 签到码 of an activity for the window `now` falls in. */
export function issueCheckinCode(activityId: string, now: Date): { code: string; window: number } {
  const window = codeWindowOf(now);
  return { code: formatCheckinCode({ activityId, window, signature: sign(PURPOSE, checkinCodeMessage(activityId, window)) }), window };
}

/**
 * A scanned 签到码 must be ours (signature), for this activity, and fresh. Not a code, forged, or another activity's:
 * INVALID_ARGUMENT on `code`; genuine but stale (a forwarded photo): FAILED_PRECONDITION, scan the live one.
 */
export function assertLiveCheckinCode(text: string, activityId: string, now: Date): void {
  const parts = parseCheckinCode(text);
  const genuine = parts !== null && parts.activityId === activityId && verifySignature(PURPOSE, checkinCodeMessage(activityId, parts.window), parts.signature);
  if (!parts || !genuine) throw invalidArgument([{ field: 'code', message: CHECKIN_CODE_INVALID_MESSAGE }]);
  if (!isFreshWindow(parts.window, now)) throw failedPrecondition(CHECKIN_CODE_EXPIRED_MESSAGE);
}
