import { DEFAULT_DAILY_POST_LIMITS, type PostLimitsView } from '../../../src/domain/post-limits';
import { canManagePostLimits } from '../../../src/domain/user.policy';
import { userActions } from '../../../src/domain/user.schema';
import { defineAction } from '../../_shared/define-function';
import { readPostLimits, savePostLimits } from '../../_shared/repositories/post-quota.repository';

async function view(): Promise<PostLimitsView> {
  const { limits, updatedAt } = await readPostLimits();
  return { limits, defaults: DEFAULT_DAILY_POST_LIMITS, updatedAt: updatedAt?.toISOString() ?? null };
}

/** 管理后台 → 发布上限: what one person may post per day, per kind. */
export const postLimits = defineAction({
  schema: userActions.postLimits,
  access: 'user',
  authorize: canManagePostLimits,
  handler: () => view(),
});

export const setPostLimits = defineAction({
  schema: userActions.setPostLimits,
  access: 'user',
  authorize: canManagePostLimits,
  async handler(input, ctx): Promise<PostLimitsView> {
    await savePostLimits(input, ctx.openid, ctx.now());
    return view();
  },
});
