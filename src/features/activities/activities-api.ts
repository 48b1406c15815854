import { callFunction } from '@/lib/cloud';
import type { ActivityView, AttendanceView, PublishActivityInput } from '@/domain/activity.schema';
import type { LocationReadingInput } from '@/domain/checkin.schema';

const FN = 'checkin';

export const listActivities = (communityId: string) => callFunction<{ items: ActivityView[] }>(FN, 'listActivities', { communityId }).then((r) => r.items);
export const fetchActivity = (activityId: string) => callFunction<ActivityView>(FN, 'activityDetail', { activityId });
export const publishActivity = (input: PublishActivityInput) => callFunction<ActivityView>(FN, 'publishActivity', { ...input });
export const signUp = (activityId: string) => callFunction<AttendanceView>(FN, 'signUp', { activityId });
export const cancelSignUp = (activityId: string) => callFunction<AttendanceView>(FN, 'cancelSignUp', { activityId });
export const checkIn = (activityId: string, reading: LocationReadingInput) => callFunction<AttendanceView>(FN, 'checkIn', { activityId, ...reading });
export const checkOut = (activityId: string, reading: LocationReadingInput) => callFunction<AttendanceView>(FN, 'checkOut', { activityId, ...reading });
export const fetchActivityRoster = (activityId: string) => callFunction<{ activity: ActivityView; items: AttendanceView[] }>(FN, 'activityRoster', { activityId });
export const checkOutAll = (activityId: string) => callFunction<{ checkedOut: number; items: AttendanceView[] }>(FN, 'checkOutAll', { activityId });
