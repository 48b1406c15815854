import type { ReactNode } from 'react';
import { AsyncView, EmptyState } from '@/components/state-views';
import { staffCommunities } from '@/lib/staff-communities';
import { useMe } from '@/lib/use-me';

type Grant = { role: string; scopeType: string; scopeId: string; scopeName: string };

/** Whose 统计表 the caller opens: their unit (unit admin), else their community (community staff). */
export const quarterlyScopeOf = (grants: Grant[]): { scopeType: 'unit' | 'community'; scopeId: string } | null => {
  const unit = grants.find((g) => g.role === 'unit_admin' && g.scopeType === 'unit');
  if (unit) return { scopeType: 'unit', scopeId: unit.scopeId };
  const community = staffCommunities(grants)[0];
  return community ? { scopeType: 'community', scopeId: community.id } : null;
};

/** The level above: street staff (their street) or the district (admin, every community). */
export const aboveScopeOf = (grants: Grant[]): { streetId?: string } | null => {
  if (grants.some((g) => g.role === 'admin')) return {};
  const street = grants.find((g) => (g.role === 'community_staff' || g.role === 'league_staff') && g.scopeType === 'street');
  return street ? { streetId: street.scopeId } : null;
};

export function WithGrants<T>({ pick, empty, children }: { pick: (grants: Grant[]) => T | null; empty: { title: string; description: string }; children: (scope: T) => ReactNode }) {
  const { state, reload } = useMe();
  return (
    <AsyncView state={state} onRetry={() => void reload()}>
      {(me) => {
        const scope = pick(me.grants);
        return scope ? children(scope) : <EmptyState title={empty.title} description={empty.description} />;
      }}
    </AsyncView>
  );
}
