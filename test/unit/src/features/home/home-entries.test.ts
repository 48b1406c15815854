import { entriesFor } from '@/features/home/home-entries';
import { ADMIN_CONSOLE_URL, ROUTES, STAFF_WORKBENCH_URL } from '@/routes';

const keys = (roles: string[]) => entriesFor(roles).map((e) => e.key);

describe('home entries by role', () => {
  it('a resident sees only the shared areas', () => {
    expect(keys(['resident'])).toEqual(['wishes', 'qa', 'notices']);
  });

  it('a member also sees 到社区报到, 我的服务记录 and 社区服务活动', () => {
    const entries = entriesFor(['resident', 'member']);
    expect(entries.slice(0, 3).map((e) => [e.title, e.target])).toEqual([
      ['到社区报到', { kind: 'page', url: '/pages/checkin/index' }],
      ['我的服务记录', { kind: 'page', url: '/pages/records/index' }],
      ['社区服务活动', { kind: 'page', url: '/pages/activity-list/index' }],
    ]);
  });

  it('staff get the workbench (subpackage), admins the console', () => {
    expect(entriesFor(['resident', 'community_staff']).find((e) => e.key === 'workbench')?.target).toEqual({ kind: 'page', url: STAFF_WORKBENCH_URL });
    expect(keys(['resident', 'league_staff'])).toContain('workbench');
    expect(entriesFor(['resident', 'admin']).find((e) => e.key === 'admin')?.target).toEqual({ kind: 'page', url: ADMIN_CONSOLE_URL });
    expect(keys(['resident', 'member'])).not.toContain('admin');
  });

  it('unit admins open 一单一表 (no longer 即将上线)', () => {
    expect(entriesFor(['resident', 'unit_admin']).find((e) => e.key === 'unit')?.target).toEqual({ kind: 'page', url: ROUTES.ledgerUnitMembers });
  });
});
