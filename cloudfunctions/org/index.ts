import type { ApiOf } from '../_shared/api';
import { defineFunction } from '../_shared/define-function';
import { reportMissingTemplates } from '../_shared/notice';
import { members, mine, ofCommunity, page, roster } from './handlers/page.handler';
import { orgStars } from './handlers/org-stars.handler';
import { dailyReminders } from './handlers/reminders.handler';
import {
  addPledgeProgress,
  createPledge,
  myPledges,
  pledgeEvidence,
  pledgeQueue,
  publicPledges,
  ratePledge,
  reviewPledge,
  revisePledge,
  unitPledges,
} from './handlers/pledge.handler';
import {
  acceptedProjects,
  acceptProject,
  addProjectProgress,
  applyProject,
  concludeProject,
  dispatchProject,
  orgProjects,
  projectDetail,
  projectDispatchList,
  promoteProject,
  publicProjects,
  reviewProject,
  reviseProject,
  startProject,
} from './handlers/project.handler';
import {
  answerStarObjection,
  downgradeStar,
  exportStarTable,
  objectToStar,
  openStarCycle,
  publicStars,
  rateStars,
  reviewStar,
  selfAssessStar,
  starAssessment,
  starObjections,
  starOverview,
  starTable,
} from './handlers/star.handler';
import { reportStarStatistics, starReport, starReports } from './handlers/star-report.handler';
import { myStarWork } from './handlers/star-work.handler';
import { saveStarSheet, starSheet } from './handlers/star-sheet.handler';
import { applyStarUpgrade, branchStarUpgrades, decideStarUpgrade, starUpgrades } from './handlers/star-upgrade.handler';
import { add, children, history, merge, migrateBranches, move, remove, rename, setPeople } from './handlers/tree.handler';

reportMissingTemplates('org', ['projectMilestoneDue', 'projectDispatched', 'pledgeReviewDue', 'starObjectionAnswered', 'starUpgradeDecided']);

/** `org`: the party organisation tree, members' 先锋创绩 pledges and 党建项目 (docs/domain.md: Party organisations, Pledges, 项目化). */
export const main = defineFunction('org', {
  children,
  page,
  members,
  roster,
  mine,
  ofCommunity,
  orgStars,
  add,
  rename,
  setPeople,
  move,
  merge,
  remove,
  history,
  migrateBranches,
  createPledge,
  revisePledge,
  myPledges,
  publicPledges,
  pledgeQueue,
  reviewPledge,
  addPledgeProgress,
  pledgeEvidence,
  ratePledge,
  unitPledges,
  applyProject,
  reviseProject,
  reviewProject,
  startProject,
  addProjectProgress,
  dispatchProject,
  concludeProject,
  acceptProject,
  promoteProject,
  projectDetail,
  orgProjects,
  projectDispatchList,
  publicProjects,
  acceptedProjects,
  openStarCycle,
  starAssessment,
  selfAssessStar,
  reviewStar,
  starOverview,
  rateStars,
  publicStars,
  objectToStar,
  starObjections,
  answerStarObjection,
  starTable,
  exportStarTable,
  downgradeStar,
  starSheet,
  saveStarSheet,
  applyStarUpgrade,
  decideStarUpgrade,
  starUpgrades,
  branchStarUpgrades,
  starReport,
  reportStarStatistics,
  starReports,
  myStarWork,
}, { timers: { dailyReminders } });

/** The contract the client and the tests call this function through (types only). */
export type OrgApi = ApiOf<typeof main>;
