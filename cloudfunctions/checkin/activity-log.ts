import { formatShanghaiDate, shanghaiYear } from '../../src/domain/shanghai-time';
import type { ActivityRecord } from '../_shared/repositories/activity.repository';
import type { AttendanceRecord } from '../_shared/repositories/attendance.repository';
import type { ServiceLogRecord } from '../_shared/repositories/service-log.repository';

/** One log per attendance, so a repeated check-out (or a retry after a crash) cannot log twice. */
export const logIdOfAttendance = (attendanceId: string) => `log-${attendanceId}`;

/** The 服务纪实 a check-out produces, awaiting the community's confirmation. */
export function logFromAttendance(activity: ActivityRecord, attendance: AttendanceRecord, hours: number, createdAt: Date): ServiceLogRecord {
  return {
    _id: logIdOfAttendance(attendance._id),
    kind: 'activity',
    status: 'pending',
    openid: attendance.openid,
    memberName: attendance.memberName,
    workUnitId: attendance.workUnitId ?? null,
    communityId: activity.communityId,
    communityName: activity.communityName,
    activityId: activity._id,
    attendanceId: attendance._id,
    correctsLogId: null,
    supersededBy: null,
    type: activity.type,
    title: activity.title,
    serviceDate: formatShanghaiDate(activity.startAt),
    year: shanghaiYear(activity.startAt),
    place: activity.place,
    beneficiaries: '社区居民',
    content: activity.content || activity.title,
    hours,
    reason: null,
    evidence: [],
    rating: null,
    personInCharge: activity.contact || `${activity.communityName}工作人员`,
    recorder: '签到签退记录',
    reviewedBy: null,
    reviewedByName: null,
    reviewedAt: null,
    rejectReason: null,
    createdAt,
  };
}
