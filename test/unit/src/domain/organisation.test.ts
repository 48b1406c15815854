import { deleteRefusal, matchBranchNames, mergeRefusal, moveRefusal, parentRefusal, rebasedAncestors, type OrgNode } from '../../../../src/domain/organisation';
import { canAddProgress, canRatePledge, canReviewPledge } from '../../../../src/domain/pledge.policy';
import { freeSlot, ratingOpen, targetDateRefusal } from '../../../../src/domain/pledge';
import type { Actor } from '../../../../src/domain/roles';

const node = (id: string, type: OrgNode['type'], ancestors: string[] = []): OrgNode => ({ _id: id, type, name: id, ancestors, status: 'active' });
const street = node('st', 'street_committee');
const community = node('co', 'community_org', ['st']);
const branch = node('br', 'branch', ['st', 'co']);
const unit = node('un', 'unit_committee');

describe('the tree rules', () => {
  it('allows only the parent types of the table', () => {
    expect(parentRefusal('community_org', street)).toBeNull();
    expect(parentRefusal('branch', community)).toBeNull();
    expect(parentRefusal('community_org', unit)).toBe('社区党组织的上级只能是：街道党工委');
    expect(parentRefusal('branch', null)).toContain('必须有上级组织');
    expect(parentRefusal('street_committee', street)).toBe('街道党工委是最上级组织，不能设上级');
  });

  it('refuses a move under itself or its own subtree', () => {
    expect(moveRefusal(community, branch)).toBe('不能把组织移动到它自己或它的下级组织之下');
    expect(moveRefusal(community, community)).toBe('不能把组织移动到它自己或它的下级组织之下');
    expect(moveRefusal(branch, unit)).toBeNull();
    expect(rebasedAncestors(['st', 'co', 'x'], 'co', ['st2'])).toEqual(['st2', 'co', 'x']);
  });

  it('merges only same-type nodes outside the source, and never deletes what holds members', () => {
    expect(mergeRefusal(branch, node('b2', 'branch', ['un']), false)).toBeNull();
    expect(mergeRefusal(branch, community, false)).toContain('只能合并同类组织');
    expect(mergeRefusal(community, node('c2', 'community_org', ['st']), true)).toContain('请先移动或合并其下级组织');
    expect(deleteRefusal({ members: 1, pledges: 0, children: 0, projects: 0 })).toContain('请合并');
    expect(deleteRefusal({ members: 0, pledges: 0, children: 0, projects: 0 })).toBeNull();
  });

  it('matches free-text branch names leniently and lists what fits none or several', () => {
    const branches = [
      { ...node('b1', 'branch'), name: '机关第一党支部' },
      { ...node('b2', 'branch'), name: '供电第一党支部' },
      { ...node('b3', 'branch'), name: '供电第一党支部' },
    ];
    const { matched, unmatched } = matchBranchNames(['中共机关第一党支部委员会', ' 机关第一党支部', '第九支部', '供电第一党支部'], branches);
    expect(matched).toEqual({ 中共机关第一党支部委员会: 'b1', ' 机关第一党支部': 'b1' });
    expect(unmatched).toEqual(['第九支部', '供电第一党支部']);
  });
});

describe('pledge rules', () => {
  const actor = (openid: string, grants: Actor['grants'] = []): Actor => ({ openid, isMember: true, communityId: null, grants });
  const resource = (over: Partial<{ openid: string; status: 'pending' | 'approved' | 'returned'; rated: boolean }> = {}) => ({
    pledge: { openid: 'm1', status: 'pending' as const, year: 2026, rated: false, ...over },
    branch: { _id: 'br', ancestors: ['st', 'co'], secretaryOpenid: 'sec' },
  });
  const orgStaff = (scopeId: string) => actor('staff', [{ role: 'org_staff', scopeType: 'organisation', scopeId, scopeName: '' }]);

  it('lets the secretary and staff of a node above review, but nobody their own pledge', () => {
    expect(canReviewPledge(actor('sec'), {}, resource())).toEqual({ ok: true });
    expect(canReviewPledge(orgStaff('st'), {}, resource())).toEqual({ ok: true });
    expect(canReviewPledge(orgStaff('other'), {}, resource()).ok).toBe(false);
    expect(canReviewPledge(actor('sec'), {}, resource({ openid: 'sec' }))).toMatchObject({ ok: false, message: '不能审核或评定自己的承诺' });
    const admin = actor('m1', [{ role: 'admin', scopeType: 'global', scopeId: 'global', scopeName: '' }]);
    expect(canReviewPledge(admin, {}, resource())).toMatchObject({ ok: false, message: '不能审核或评定自己的承诺' });
  });

  it('opens 评诺 on 1 December and only the owner records 践诺', () => {
    const approved = resource({ status: 'approved' });
    expect(canRatePledge(actor('sec'), {}, approved, new Date('2026-11-30T15:59:00Z'))).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(canRatePledge(actor('sec'), {}, approved, new Date('2026-11-30T16:00:00Z'))).toEqual({ ok: true });
    expect(ratingOpen(2026, new Date('2027-03-01T00:00:00Z'))).toBe(true);
    expect(canAddProgress(actor('m1'), {}, approved)).toEqual({ ok: true });
    expect(canAddProgress(actor('sec'), {}, approved).ok).toBe(false);
  });

  it('keeps target dates in the year after today and five slots a year', () => {
    const now = new Date('2026-03-02T02:00:00Z');
    expect(targetDateRefusal('2026-03-02', now)).toBe('目标日期应在今天之后');
    expect(targetDateRefusal('2027-01-01', now)).toBe('目标日期应在 2026 年内');
    expect(targetDateRefusal('2026-12-31', now)).toBeNull();
    expect(freeSlot([1, 2, 4])).toBe(3);
    expect(freeSlot([1, 2, 3, 4, 5])).toBeNull();
  });
});
