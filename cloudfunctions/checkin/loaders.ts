import { notFound } from '../../src/domain/errors';
import { findActivity, type ActivityRecord } from '../_shared/repositories/activity.repository';

/** `load` of the staff actions on one activity: the policy needs the community it belongs to. */
export async function existingActivity(input: { activityId: string }): Promise<ActivityRecord> {
  const activity = await findActivity(input.activityId);
  if (!activity) throw notFound('活动不存在或已下线');
  return activity;
}
