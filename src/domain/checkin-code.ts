/**
 * The rotating 签到码 staff show on their phone at an activity: a QR whose text names the activity and a 30-second
 * window, signed by the server. A photo of it forwarded to someone at home is stale within a window or two, so it
 * cannot stand in for being there. The signature itself is made at the edge (cloudfunctions/_shared/signing.ts);
 * this module holds only the time rules and the text format.
 */
export const CHECKIN_CODE_WINDOW_MS = 30_000;

/** Windows before the current one still accepted: the scan-to-server delay and a phone clock a little off. */
const ACCEPTED_PAST_WINDOWS = 1;

/** The staff page fetches the next code this long before the shown one expires, so the QR on screen is never stale. */
const REFRESH_AHEAD_MS = 3_000;

const PREFIX = 'HDQD';

export const CHECKIN_CODE_EXPIRED_MESSAGE = '签到码已过期，请扫描现场的最新签到码';
export const CHECKIN_CODE_REQUIRED_MESSAGE = '本活动需现场扫码签到，请扫描现场工作人员手机上出示的签到码';
export const CHECKIN_CODE_INVALID_MESSAGE = '这不是本活动的签到码，请扫描现场工作人员出示的签到码';

/** The window a moment falls in (windows are counted from the epoch, so server and staff phone agree). */
export const codeWindowOf = (now: Date): number => Math.floor(now.getTime() / CHECKIN_CODE_WINDOW_MS);

/** When the code of `window` stops being shown (it is still accepted for one more window after this). */
export const codeWindowEndsAt = (window: number): Date => new Date((window + 1) * CHECKIN_CODE_WINDOW_MS);

/** Fresh: the current window or the one before. A window in the future is a forged or tampered code. */
export function isFreshWindow(window: number, now: Date): boolean {
  const current = codeWindowOf(now);
  return window <= current && window >= current - ACCEPTED_PAST_WINDOWS;
}

/** How long the staff page waits before fetching the next code. */
export const refreshDelayMs = (window: number, now: Date): number =>
  Math.max(1_000, codeWindowEndsAt(window).getTime() - now.getTime() - REFRESH_AHEAD_MS);

/** What is signed: the activity and the window, nothing a client chooses beyond them. */
export const checkinCodeMessage = (activityId: string, window: number): string => `${activityId}\n${window}`;

export interface CheckinCodeParts {
  activityId: string;
  window: number;
  signature: string;
}

/** The QR's text: `HDQD.<activityId>.<window>.<signature>` (ids and base64url never contain a dot). */
export const formatCheckinCode = (parts: CheckinCodeParts): string => `${PREFIX}.${parts.activityId}.${parts.window}.${parts.signature}`;

/** The parts of a scanned text, or null when it is not a 签到码 at all. */
export function parseCheckinCode(text: string): CheckinCodeParts | null {
  const match = /^HDQD\.([A-Za-z0-9_-]{1,64})\.(\d{1,15})\.([A-Za-z0-9_-]{16,64})$/.exec(text.trim());
  if (!match) return null;
  return { activityId: match[1], window: Number(match[2]), signature: match[3] };
}
