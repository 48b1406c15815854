import { z } from 'zod';
import { holidayTableSchema } from './holiday-calendar';
import { postLimitsSchema } from './post-limits';
import { GRANTABLE_ROLES, SCOPE_TYPES, type RoleGrant } from './roles';
import { idSchema, latitudeSchema, longitudeSchema, requestIdSchema, text } from './validation';

/** An enum's message: 请选择… when nothing was chosen, `wrong` when the value is not one of the options. */
const choice = (label: string, wrong: string) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === '' ? `请选择${label}` : wrong;

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const phoneSchema = z
  .string({ error: '请填写手机号' })
  .trim()
  .regex(/^1[3-9]\d{9}$/, '手机号应为 11 位数字，以 13–19 开头');

export const SKILLS = ['政策宣讲', '法律咨询', '医疗健康', '教育辅导', '心理疏导', '文艺体育', '维修技能', '信息技术', '其他'] as const;

export const memberProfileInput = z
  .object({
    name: text('姓名', 20, 2),
    phone: phoneSchema,
    workUnitId: idSchema('工作单位'),
    partyBranch: text('所在党支部', 40),
    /** The branch node picked from the organisation tree; the server writes its name into partyBranch. */
    branchId: idSchema('所在党支部').optional(),
    skills: z.array(z.enum(SKILLS, { error: '请从列表中选择特长' }), { error: '特长必须是列表' }).max(5, '特长最多选 5 项').default([]),
  })
  .strict();
export type MemberProfileInput = z.infer<typeof memberProfileInput>;

export const userActions = {
  me: z.object({}).strict(),
  registerMember: memberProfileInput.extend({ requestId: requestIdSchema }).strict(),
  setHomeCommunity: z.object({ communityId: idSchema('社区') }).strict(),
  listCommunities: z
    .object({ latitude: latitudeSchema.optional(), longitude: longitudeSchema.optional() })
    .strict()
    .refine((v) => (v.latitude === undefined) === (v.longitude === undefined), {
      message: '经纬度需同时提供',
      path: ['longitude'],
    }),
  listUnits: z.object({}).strict(),
  listCommunityMembers: z.object({ communityId: idSchema('社区') }).strict(),
  /** The workbench's pending counts; the community's own queues (报到, service hours) for the community chosen. */
  workbench: z.object({ communityId: idSchema('社区').optional() }).strict(),
  createCommunity: z
    .object({
      name: text('社区名称', 30),
      district: text('所属区', 20),
      street: text('所属街道', 20),
      streetId: idSchema('街道编号'),
      address: text('地址', 60),
      latitude: latitudeSchema,
      longitude: longitudeSchema,
      radius: z.number({ error: '围栏半径必须是数字' }).int('围栏半径必须是整数米').min(100, '围栏半径不能小于 100 米').max(3000, '围栏半径不能大于 3000 米').default(500),
      requestId: requestIdSchema,
    })
    .strict(),
  createUnit: z.object({ name: text('单位名称', 40), requestId: requestIdSchema }).strict(),
  grantRole: z
    .object({
      openid: idSchema('用户'),
      role: z.enum(GRANTABLE_ROLES, { error: choice('角色', '角色不在可授予的范围内') }),
      scopeType: z.enum(SCOPE_TYPES, { error: choice('范围类型', '范围类型不正确') }),
      scopeId: idSchema('范围'),
    })
    .strict(),
  /** Admins find the person to grant a role by part of the name or the last four digits of the phone. */
  searchPeople: z
    .object({
      query: z
        .string({ error: '请输入姓名或手机号后四位' })
        .trim()
        .min(1, '请输入姓名或手机号后四位')
        .max(20, '查找内容不能超过 20 个字'),
    })
    .strict(),
  /** The holiday tables in force and the warning staff see when one is missing. */
  holidayCalendar: z.object({}).strict(),
  /** An admin enters a year's 放假调休 table, checked by the same schema as the tables shipped in the code. */
  enterHolidayTable: z.object({ table: holidayTableSchema }).strict(),
  /** The admin's daily posting limits per person and kind. */
  postLimits: z.object({}).strict(),
  setPostLimits: postLimitsSchema,
} as const;

/** A year's table as the console lists it. */
export interface HolidayTableView {
  year: number;
  title: string;
  documentNumber: string;
  /** Entered by an admin (else shipped with the code). */
  entered: boolean;
}

export interface HolidayCalendarView {
  /** 「2027 年的节假日安排尚未录入，问政期限暂按预计计算」, or null. */
  warning: string | null;
  tables: HolidayTableView[];
}

/** One person an admin may grant a role to: masked, with the grants they already hold. */
export interface PersonMatch {
  openid: string;
  name: string;
  phone: string;
  workUnitName: string;
  grants: RoleGrant[];
}


/** What a profile looks like to whoever is looking; phone masked unless it is one's own or staff's view. */
export interface MemberProfileView {
  openid: string;
  name: string;
  phone: string;
  workUnitId: string;
  workUnitName: string;
  partyBranch: string;
  /** The branch node chosen from the organisation tree (absent until chosen or migrated). */
  branchId?: string;
  skills: string[];
  registeredAt: string;
}

export interface CommunityView {
  id: string;
  name: string;
  district: string;
  street: string;
  streetId: string;
  address: string;
  latitude: number;
  longitude: number;
  radius: number;
  /** Metres from the given point, when a point was given. */
  distance?: number;
}

export interface UnitView {
  id: string;
  name: string;
}

/** Pending items per workbench queue, read at once; a queue the caller has no community for is left out. */
export interface WorkbenchCounts {
  checkins?: number;
  hours?: number;
  wishes: number;
  qa: number;
  /** 五星创评 items waiting for the caller this year (自评, 审核, 评定); absent for those with no 党组织工作. */
  stars?: number;
}

export interface MeView {
  openid: string;
  /** The caller's photo folder under `uploads/` (opaque, so file ids name no one; see src/domain/files.ts). */
  uploadKey: string;
  roles: string[];
  grants: { role: string; scopeType: string; scopeId: string; scopeName: string }[];
  profile: MemberProfileView | null;
  community: CommunityView | null;
  /** Secretary or 联系人 of an active party organisation: with the grants, `hasOrgWork` decides the 党组织工作 entry. */
  leadsOrg: boolean;
}
