import type { ApiOf } from '../_shared/api';
import { defineFunction } from '../_shared/define-function';
import { createCommunity, createUnit, grantRole, searchPeople } from './handlers/admin.handler';
import { enterHolidayTable, holidayCalendar } from './handlers/holiday-calendar.handler';
import { postLimits, setPostLimits } from './handlers/post-limits.handler';
import { listCommunities } from './handlers/list-communities.handler';
import { listCommunityMembers } from './handlers/list-community-members.handler';
import { listUnits } from './handlers/list-units.handler';
import { mediaCheckPush } from './handlers/media-check-push.handler';
import { me } from './handlers/me.handler';
import { exportMyData, myData, withdraw, withdrawPreview } from './handlers/privacy.handler';
import { registerMember } from './handlers/register-member.handler';
import { purgeExpired } from './handlers/retention.handler';
import { setHomeCommunity } from './handlers/set-home-community.handler';
import { workbench } from './handlers/workbench.handler';

/** `user`: who am I, member registration, communities and units, and admin set-up. */
export const main = defineFunction('user', {
  me,
  registerMember,
  setHomeCommunity,
  listCommunities,
  listUnits,
  listCommunityMembers,
  workbench,
  createCommunity,
  createUnit,
  grantRole,
  searchPeople,
  holidayCalendar,
  postLimits,
  setPostLimits,
  enterHolidayTable,
  myData,
  exportMyData,
  withdrawPreview,
  withdraw,
}, { timers: { purgeExpired }, pushes: { wxa_media_check: mediaCheckPush } });

/** The contract the client and the tests call this function through (types only). */
export type UserApi = ApiOf<typeof main>;
