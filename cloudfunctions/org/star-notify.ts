import { STAR_LABELS } from '../../src/domain/star-rating';
import type { StarObjectionRecord } from '../_shared/repositories/star.repository';
import type { StarUpgradeRecord } from '../_shared/repositories/star-upgrade.repository';
import { sendNotice } from '../_shared/notice';

/**
 * Subscribe messages of 五星创评: the objector hears the outcome (the notice opens the 公示 with the reply); the
 * secretary who applied for 升级增星 hears the decision (it opens the branch's applications).
 */
const clip = (text: string, max = 20) => ([...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text);

export const tellObjectionAnswered = (objection: StarObjectionRecord, outcome: 'upheld' | 'dismissed', reply: string) =>
  sendNotice('starObjectionAnswered', {
    touser: objection.objectorOpenid,
    page: `packages/stars/pages/publicity/index?orgId=${objection.ratingOrgId}&year=${objection.year}`,
    data: { thing1: clip(objection.branchName), phrase2: outcome === 'upheld' ? '异议成立' : '异议不成立', thing3: clip(reply) },
  });

export const tellUpgradeDecided = (upgrade: StarUpgradeRecord, approved: boolean, reason: string) =>
  sendNotice('starUpgradeDecided', {
    touser: upgrade.applicantOpenid,
    page: `packages/stars/pages/upgrade/index?branchId=${upgrade.branchId}&year=${upgrade.year}`,
    data: { thing1: clip(upgrade.branchName), phrase2: approved ? '同意升级' : '未同意', thing3: approved ? `已升为${STAR_LABELS[upgrade.toStars]}` : clip(reason) },
  });
