/** Roles and their scopes (docs/domain.md: Who uses it). */
export const ROLES = ['resident', 'member', 'community_staff', 'league_staff', 'unit_admin', 'org_staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  member: '在职党员',
  community_staff: '社区工作人员',
  league_staff: '团委工作人员',
  unit_admin: '单位党组织管理员',
  org_staff: '党组织工作人员',
  admin: '系统管理员',
};

/** Staff roles are granted with a scope; resident and member are what a person is, not a grant. */
export const GRANTABLE_ROLES = ['community_staff', 'league_staff', 'unit_admin', 'org_staff', 'admin'] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

export const SCOPE_TYPES = ['community', 'street', 'unit', 'organisation', 'global'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

/** Which scope kinds each grantable role may carry. */
export const ROLE_SCOPE_TYPES: Record<GrantableRole, readonly ScopeType[]> = {
  // 'street': 街道 staff, the level above a community (they receive overdue 问政 questions).
  community_staff: ['community', 'street'],
  league_staff: ['community', 'street'],
  unit_admin: ['unit'],
  // 'organisation': a party organisation and its whole subtree (docs/domain.md: Party organisations). A role of its
  // own, so no existing community/street/unit rule widens by accident.
  org_staff: ['organisation'],
  admin: ['global'],
};

export interface RoleGrant {
  role: GrantableRole;
  scopeType: ScopeType;
  scopeId: string;
  scopeName: string;
}

/** The caller as every permission check sees it. Built only from the trusted context. */
export interface Actor {
  openid: string;
  /** Registered as 在职党员 (has a member profile). */
  isMember: boolean;
  /** The community the person lives in, if chosen. */
  communityId: string | null;
  grants: RoleGrant[];
}

export function rolesOf(actor: Actor): Role[] {
  const roles = new Set<Role>(['resident']);
  if (actor.isMember) roles.add('member');
  for (const g of actor.grants) roles.add(g.role);
  return [...roles];
}

export function hasGrant(actor: Actor, role: GrantableRole, scopeType?: ScopeType, scopeId?: string): boolean {
  return actor.grants.some(
    (g) => g.role === role && (scopeType === undefined || g.scopeType === scopeType) && (scopeId === undefined || g.scopeId === scopeId),
  );
}

export const isAdmin = (actor: Actor) => hasGrant(actor, 'admin');
