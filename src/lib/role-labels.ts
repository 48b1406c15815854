import { ROLE_LABELS, type Role } from '@/domain/roles';
import type { MeView } from '@/domain/user.schema';

export const roleLabel = (role: string): string => ROLE_LABELS[role as Role] ?? role;

/** "社区工作人员（湖滨社区）"; a global grant needs no scope. */
export function grantLabel(grant: MeView['grants'][number]): string {
  const scope = grant.scopeType === 'global' ? '' : grant.scopeName || grant.scopeId;
  return scope ? `${roleLabel(grant.role)}（${scope}）` : roleLabel(grant.role);
}

/** Each role once: granted ones with their scopes, the others by name (居民, 在职党员). */
export function roleLines(me: Pick<MeView, 'roles' | 'grants'>): string[] {
  const granted = new Set(me.grants.map((g) => g.role));
  const plain = me.roles.filter((r) => !granted.has(r)).map(roleLabel);
  return [...plain, ...me.grants.map(grantLabel)];
}

export const hasRole = (me: Pick<MeView, 'roles'>, ...roles: string[]) => roles.some((r) => me.roles.includes(r));
