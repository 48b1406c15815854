import type { StarWorkItem } from '../../../src/domain/star-work';
import { starActions } from '../../../src/domain/star.schema';
import { defineAction } from '../../_shared/define-function';
import { starWorkOf } from '../../_shared/star-work';

/** 五星创评 待办: what the caller has to self-assess, review or rate this year, wherever they sit. Three reads. */
export const myStarWork = defineAction({
  schema: starActions.myStarWork,
  access: 'user',
  async handler(input, ctx): Promise<{ items: StarWorkItem[] }> {
    return { items: await starWorkOf(await ctx.actor(), input.year) };
  },
});
