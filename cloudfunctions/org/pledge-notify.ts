import type { PledgeRecord } from '../_shared/repositories/pledge.repository';
import { sendNotice } from '../_shared/notice';

/** Subscribe messages of 评诺 (year end). */
const clip = (text: string, max = 20) => ([...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text);
const yearEnd = (year: number) => `${year}年12月31日`;

/** The branch secretary: how many approved pledges of the year still wait for 评诺. */
export const remindSecretaryToRate = (secretaryOpenid: string, branch: { _id: string; name: string }, year: number, count: number) =>
  sendNotice('pledgeReviewDue', {
    touser: secretaryOpenid,
    page: `packages/org/pages/pledge-review/index?orgId=${encodeURIComponent(branch._id)}`,
    data: { thing1: clip(branch.name), thing2: clip(`${year}年有${count}项承诺待评诺`), date3: yearEnd(year) },
  });

/** The member: their pledges of the year will be rated by the branch. */
export const tellMemberOfReview = (pledges: PledgeRecord[], year: number) =>
  sendNotice('pledgeReviewDue', {
    touser: pledges[0].openid,
    page: 'packages/org/pages/my-pledges/index',
    data: {
      thing1: clip(pledges.length === 1 ? pledges[0].text : `${year}年的${pledges.length}项承诺`),
      thing2: clip('年底支部将评诺，请及时记录践诺'),
      date3: yearEnd(year),
    },
  });
