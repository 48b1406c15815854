import type { StarStatus } from './star-cycle';
import { STAR_LABELS, type Stars } from './star-rating';

/**
 * 升级增星 between cycles (docs/domain.md "五星创评"): a branch whose rating is published may apply for one more
 * star; the rating organisation decides ("谁评定、谁负责"). Five stars still need a recognised innovation project.
 */
export type UpgradeStatus = 'pending' | 'approved' | 'refused';
export const UPGRADE_STATUS_LABELS: Record<UpgradeStatus, string> = { pending: '待评定组织审批', approved: '已同意升级', refused: '未同意' };

/** Whether a branch may apply now: its rating stands (published, no objection open) and is below five stars. */
export function upgradeApplyRefusal(status: StarStatus, stars: Stars | null, hasPending: boolean): string | null {
  if (stars === null || status !== 'publicised') return '只有评定结果已公布（且无待处理异议）的党支部可以申请升级';
  if (stars >= 5) return '已是五星，不能再升级';
  if (hasPending) return '已有待审批的升级申请，请等待评定组织答复';
  return null;
}

/** Whether the rating organisation may raise the branch from `from` (the star the application was made at). */
export function upgradeApproveRefusal(status: StarStatus, current: Stars | null, from: Stars, hasRecognisedProject: boolean): string | null {
  if (current === null || status !== 'publicised') return '该党支部现在不在可升级的状态（可能有待处理的异议）';
  if (current !== from) return `申请后星级已变为${STAR_LABELS[current]}，请让该支部重新申请`;
  if (from >= 5) return '已是五星，不能再升级';
  if (from + 1 === 5 && !hasRecognisedProject) return '升为五星须有评定组织认定的党建创新项目';
  return null;
}
