import { z } from 'zod';
import { ORG_TYPES, type OrgType } from './organisation';
import { idSchema, requestIdSchema, text } from './validation';

const orgId = (label = '组织') => idSchema(label);
const optionalOpenid = (label: string) => idSchema(label).nullable().optional();

export const orgActions = {
  /** The children of a node (or the roots): the tree is browsed one level at a time, so every step is one read. */
  children: z.object({ parentId: orgId('上级组织').nullable().default(null) }).strict(),
  /** A node's public page: the node, its parent and its children (its members and pledges are their own lists). */
  page: z.object({ orgId: orgId() }).strict(),
  /** A branch's members as the public sees them: masked names. */
  members: z.object({ orgId: orgId() }).strict(),
  /** A branch's members with full names, for its secretary and the staff of its subtree. */
  roster: z.object({ orgId: orgId() }).strict(),
  /** The nodes the caller acts for: those they are secretary of and those their 党组织工作人员 grants name. */
  mine: z.object({}).strict(),
  /** The 社区党组织 of a community (for the links from 首页 and 我的社区); null when the tree has none yet. */
  ofCommunity: z.object({ communityId: idSchema('社区') }).strict(),
  /** A branch's 五星: the current star and its history, only ratings whose 公示 has ended; no names. */
  stars: z.object({ orgId: orgId() }).strict(),
  add: z
    .object({
      type: z.enum(ORG_TYPES, { error: '请从列表中选择组织类型' }),
      name: text('组织名称', 40, 2),
      parentId: orgId('上级组织').nullable().default(null),
      secretaryOpenid: optionalOpenid('书记'),
      contactOpenid: optionalOpenid('联系人'),
      communityId: idSchema('所属社区').nullable().optional(),
      unitId: idSchema('所属单位').nullable().optional(),
      requestId: requestIdSchema,
    })
    .strict(),
  rename: z.object({ orgId: orgId(), name: text('组织名称', 40, 2) }).strict(),
  setPeople: z.object({ orgId: orgId(), secretaryOpenid: optionalOpenid('书记'), contactOpenid: optionalOpenid('联系人') }).strict(),
  move: z.object({ orgId: orgId(), parentId: orgId('新的上级组织').nullable() }).strict(),
  merge: z.object({ orgId: orgId(), targetId: orgId('合并到的组织') }).strict(),
  remove: z.object({ orgId: orgId() }).strict(),
  history: z.object({ orgId: orgId() }).strict(),
  /** Free-text 党支部 of registered members → branch ids; lists what it could not match. */
  migrateBranches: z.object({ dryRun: z.boolean({ error: '试运行必须是是/否' }).default(false) }).strict(),
} as const;

export interface OrgSummary {
  id: string;
  type: OrgType;
  typeLabel: string;
  name: string;
  parentId: string | null;
  status: 'active' | 'merged';
}

export interface OrgMemberView {
  name: string;
  workUnitName: string;
}

export interface OrgPageView {
  org: OrgSummary & { parentName: string | null; communityId: string | null; unitId: string | null; secretaryName: string | null; contactName: string | null };
  children: OrgSummary[];
}

export interface OrgHistoryView {
  at: string;
  action: 'add' | 'rename' | 'move' | 'merge' | 'setPeople' | 'remove';
  byName: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface MigrationReport {
  matched: number;
  unmatched: { name: string; members: number }[];
}
