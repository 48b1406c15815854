import { z } from 'zod';
import { ACTIVITY_TYPES, type ActivityType } from './activity-types';
import type { ActivityPhase } from './activity-window';
import { MAX_ACTIVITY_MS } from './activity-window';
import { CHECKIN_CODE_INVALID_MESSAGE } from './checkin-code';
import { fenceRadiusSchema, locationReadingSchema } from './checkin.schema';
import { parseShanghaiMinute } from './shanghai-time';
import { idSchema, latitudeSchema, longitudeSchema, requestIdSchema, text } from './validation';

/** `2025-06-01 09:30`, Shanghai time, to the minute. */
export const shanghaiMinuteSchema = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .refine((v) => parseShanghaiMinute(v) !== null, `${label}格式应为 2025-06-01 09:30`);

export const activityTypeSchema = z.enum(ACTIVITY_TYPES, { error: '请从列表中选择活动类型' });

/**
 * How members check in, chosen by staff when publishing. `location`: the fence alone. `code`: the fence and the
 * live 签到码 from the staff phone (src/domain/checkin-code.ts), so a faked location alone cannot check in.
 * Activities stored before the choice existed have none and are `location`.
 */
export const CHECKIN_MODES = ['location', 'code'] as const;
export type CheckinMode = (typeof CHECKIN_MODES)[number];
export const CHECKIN_MODE_LABELS: Record<CheckinMode, string> = { location: '定位签到', code: '现场扫码签到（定位+签到码）' };
export const checkinModeOf = (stored: CheckinMode | undefined): CheckinMode => stored ?? 'location';

/** The form's fields; the action adds the request id. */
export const activityFormFields = z
  .object({
    communityId: idSchema('社区'),
    title: text('活动名称', 30, 2),
    type: activityTypeSchema,
    startAt: shanghaiMinuteSchema('开始时间'),
    endAt: shanghaiMinuteSchema('结束时间'),
    /** Place and fence default to the community's. */
    place: text('活动地点', 60).optional(),
    latitude: latitudeSchema.optional(),
    longitude: longitudeSchema.optional(),
    radius: fenceRadiusSchema.optional(),
    /** Absent: `location`. */
    checkinMode: z.enum(CHECKIN_MODES, { error: '请从列表中选择签到方式' }).optional(),
    capacity: z.number({ error: '名额必须是数字' }).int('名额必须是整数').min(1, '名额至少 1 人').max(500, '名额不能超过 500 人'),
    contact: text('联系人', 30).optional(),
    content: text('活动内容', 300).optional(),
  })
  .strict();

type ActivityFormFields = z.infer<typeof activityFormFields>;

/** Rules across fields: both coordinates or none; end after start, within one day. */
export function checkActivityTimes(v: ActivityFormFields, ctx: z.RefinementCtx): void {
  if ((v.latitude === undefined) !== (v.longitude === undefined)) {
    ctx.addIssue({ code: 'custom', message: '活动地点的经纬度需同时提供', path: ['longitude'] });
  }
  const start = parseShanghaiMinute(v.startAt);
  const end = parseShanghaiMinute(v.endAt);
  if (!start || !end) return;
  if (end.getTime() <= start.getTime()) ctx.addIssue({ code: 'custom', message: '结束时间应晚于开始时间', path: ['endAt'] });
  else if (end.getTime() - start.getTime() > MAX_ACTIVITY_MS) ctx.addIssue({ code: 'custom', message: '单次活动不能超过 24 小时', path: ['endAt'] });
}

export const activityFormSchema = activityFormFields.superRefine(checkActivityTimes);
export const publishActivityInput = activityFormFields.extend({ requestId: requestIdSchema }).strict().superRefine(checkActivityTimes);

const activityRef = z.object({ activityId: idSchema('活动') }).strict();

export const activityActions = {
  publishActivity: publishActivityInput,
  listActivities: z.object({ communityId: idSchema('社区') }).strict(),
  activityDetail: activityRef,
  activityRoster: activityRef,
  signUp: activityRef,
  cancelSignUp: activityRef,
  /** `communityId`: from the community code scanned at the venue, when there was one. */
  checkIn: locationReadingSchema
    .extend({
      activityId: idSchema('活动'),
      communityId: idSchema('社区').optional(),
      /** The rotating 签到码 scanned from the staff phone (src/domain/checkin-code.ts), when the member scanned one. */
      code: z.string({ error: '签到码必须是文本' }).max(200, CHECKIN_CODE_INVALID_MESSAGE).optional(),
    })
    .strict(),
  /** Staff: the current rotating 签到码 of an activity. */
  activityCode: activityRef,
  checkOut: locationReadingSchema.extend({ activityId: idSchema('活动') }).strict(),
  checkOutAll: activityRef,
} as const;

export const ATTENDANCE_STATUSES = ['signed_up', 'cancelled', 'checked_in', 'checked_out'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const ATTENDANCE_STATUS_LABELS: Record<AttendanceStatus, string> = {
  signed_up: '已报名',
  cancelled: '已取消',
  checked_in: '已签到',
  checked_out: '已签退',
};

export interface AttendanceView {
  activityId: string;
  memberOpenid: string;
  memberName: string;
  workUnitName: string;
  status: AttendanceStatus;
  signedUpAt: string;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  checkedOutBy: 'self' | 'staff' | null;
  hours: number | null;
  /** Set when this attendance just became a service log (check-out). */
  logId: string | null;
}

export interface ActivityCodeView {
  activityId: string;
  title: string;
  /** The QR's text, and the QR drawn from it (PNG data URL). */
  code: string;
  image: string;
  window: number;
  /** When the page should have fetched the next code (ISO); scans of this one are accepted one window longer. */
  expiresAt: string;
  /** Milliseconds from the server's now until the page should fetch again (the phone's clock may be off). */
  refreshInMs: number;
}

export interface ActivityView {
  id: string;
  communityId: string;
  communityName: string;
  title: string;
  type: ActivityType;
  typeLabel: string;
  /** Shanghai wall-clock, `2025-06-01 09:30`. */
  startAt: string;
  endAt: string;
  place: string;
  radius: number;
  checkinMode: CheckinMode;
  capacity: number;
  signedUp: number;
  contact: string;
  content: string;
  phase: ActivityPhase;
  /** The caller's own sign-up / attendance, if any. */
  mine: AttendanceView | null;
}
