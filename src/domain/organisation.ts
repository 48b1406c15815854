/**
 * Party organisations as a tree (docs/domain.md: Party organisations). Pure rules: which type may sit under which,
 * the ancestors path every node carries for subtree queries, what a move or a merge may not do, and how a
 * free-text 党支部 name is matched to a node.
 */
export const ORG_TYPES = ['street_committee', 'community_org', 'unit_committee', 'general_branch', 'branch'] as const;
export type OrgType = (typeof ORG_TYPES)[number];

export const ORG_TYPE_LABELS: Record<OrgType, string> = {
  street_committee: '街道党工委',
  community_org: '社区党组织',
  unit_committee: '机关/单位党委',
  general_branch: '党总支',
  branch: '党支部',
};

/** The parent types each type may have; `null` = a root. 街道党工委 → 社区党组织 → 党支部; 机关/单位党委 → 党总支 → 党支部. */
export const ALLOWED_PARENTS: Record<OrgType, readonly (OrgType | null)[]> = {
  street_committee: [null],
  community_org: ['street_committee'],
  unit_committee: [null],
  general_branch: ['unit_committee'],
  branch: ['community_org', 'unit_committee', 'general_branch'],
};

/** What a rule needs to know of a node. */
export interface OrgNode {
  _id: string;
  type: OrgType;
  name: string;
  /** Root first; the node itself is not in it. */
  ancestors: string[];
  status: 'active' | 'merged';
}

/** Why `type` may not sit under `parent`, or null when it may. */
export function parentRefusal(type: OrgType, parent: Pick<OrgNode, 'type' | 'status'> | null): string | null {
  const allowed = ALLOWED_PARENTS[type];
  if (parent?.status === 'merged') return '上级组织已被合并，请选择合并后的组织';
  if (allowed.includes(parent?.type ?? null)) return null;
  if (!parent) return `${ORG_TYPE_LABELS[type]}必须有上级组织（${allowed.filter(Boolean).map((t) => ORG_TYPE_LABELS[t as OrgType]).join('、')}）`;
  if (allowed.every((t) => t === null)) return `${ORG_TYPE_LABELS[type]}是最上级组织，不能设上级`;
  const names = allowed.filter(Boolean).map((t) => ORG_TYPE_LABELS[t as OrgType]).join('、');
  return `${ORG_TYPE_LABELS[type]}的上级只能是：${names}`;
}

/** The ancestors path of a child of `parent`. */
export const pathUnder = (parent: Pick<OrgNode, '_id' | 'ancestors'> | null): string[] => (parent ? [...parent.ancestors, parent._id] : []);

/** A node and everything under it: the scope of a grant on it and of its public page. */
export const isWithin = (node: Pick<OrgNode, '_id' | 'ancestors'>, rootId: string): boolean => node._id === rootId || node.ancestors.includes(rootId);

/** Why `node` may not move under `parent`: a cycle, or a type rule. */
export function moveRefusal(node: OrgNode, parent: OrgNode | null): string | null {
  if (parent && isWithin(parent, node._id)) return '不能把组织移动到它自己或它的下级组织之下';
  if (node.status === 'merged') return '该组织已被合并，不能移动';
  return parentRefusal(node.type, parent);
}

/** The new path of a descendant when the moved node's own path changes from `from` to `to`. */
export function rebasedAncestors(descendantAncestors: string[], movedId: string, to: string[]): string[] {
  const at = descendantAncestors.indexOf(movedId);
  return [...to, ...descendantAncestors.slice(at)];
}

/** Why `source` may not be merged into `target`. Members and items move; the source stays, marked merged. */
export function mergeRefusal(source: OrgNode, target: OrgNode, sourceHasChildren: boolean): string | null {
  if (source._id === target._id) return '不能把组织合并到它自己';
  if (source.status === 'merged' || target.status === 'merged') return '已合并的组织不能再合并';
  if (source.type !== target.type) return `只能合并同类组织：${ORG_TYPE_LABELS[source.type]}不能并入${ORG_TYPE_LABELS[target.type]}`;
  if (isWithin(target, source._id)) return '不能合并到自己的下级组织';
  if (sourceHasChildren) return '该组织还有下级组织，请先移动或合并其下级组织';
  return null;
}

/** Why a node may not be deleted: anything that belongs to it would be lost. */
export function deleteRefusal(counts: { members: number; pledges: number; children: number; projects: number }): string | null {
  if (counts.children > 0) return '该组织还有下级组织，不能删除，请先移动或合并其下级组织';
  if (counts.members > 0 || counts.pledges > 0 || counts.projects > 0) return '该组织还有党员、承诺或项目，不能删除，请合并到其他组织';
  return null;
}

/** A 党支部 name as people write it: without spaces, full-width forms and the 中共/中国共产党 prefix. */
export function normaliseOrgName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^(中国共产党|中共)/, '')
    .replace(/支部委员会$/, '支部');
}

/** Free-text branch names matched to branches by normalised name; a name that fits none or several is unmatched. */
export function matchBranchNames(names: string[], branches: Pick<OrgNode, '_id' | 'name' | 'type' | 'status'>[]): { matched: Record<string, string>; unmatched: string[] } {
  const byName = new Map<string, string[]>();
  for (const b of branches) {
    if (b.type !== 'branch' || b.status !== 'active') continue;
    const key = normaliseOrgName(b.name);
    byName.set(key, [...(byName.get(key) ?? []), b._id]);
  }
  const matched: Record<string, string> = {};
  const unmatched: string[] = [];
  for (const name of new Set(names)) {
    const ids = byName.get(normaliseOrgName(name)) ?? [];
    if (ids.length === 1) matched[name] = ids[0];
    else unmatched.push(name);
  }
  return { matched, unmatched };
}
