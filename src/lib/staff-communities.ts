/** Communities the caller may manage, from their grants. */
export const staffCommunities = (grants: { role: string; scopeType: string; scopeId: string; scopeName: string }[]) => {
  const seen = new Set<string>();
  return grants
    .filter((g) => g.role === 'community_staff' && g.scopeType === 'community')
    .filter((g) => (seen.has(g.scopeId) ? false : (seen.add(g.scopeId), true)))
    .map((g) => ({ id: g.scopeId, name: g.scopeName || g.scopeId }));
};
