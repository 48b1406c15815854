import { fireEvent, render, waitFor } from '@testing-library/react';
import { ProfileCard } from '@/features/profile/profile-card';
import { aMe } from '../../fixtures/builders';
import { answerCalls, Taro } from '../platform';

/** 我的: 党组织工作 only for whoever has it (hasOrgWork, as org.mine decides); a plain member gets their branch's page. */
let sent: ReturnType<typeof answerCalls>;
beforeEach(() => {
  jest.clearAllMocks();
  sent = answerCalls(() => ({ data: { org: { id: 'o-c-hubin', type: 'community_org', typeLabel: '社区党组织', name: '湖滨社区党委', parentId: null, status: 'active' } } }));
});
/** The card looks up the community's 社区党组织 for 我的社区: the render settles once that read has answered. */
async function renderCard(me: ReturnType<typeof aMe>) {
  const view = render(<ProfileCard me={me} />);
  await waitFor(() => expect(view.container.querySelector('.e2e-profile-community-org')).not.toBeNull());
  expect(sent).toEqual([{ fn: 'org', action: 'ofCommunity', payload: { communityId: 'c-donghu-hubin' } }]);
  return view;
}

const profileWithBranch = () => ({ ...(aMe().profile as NonNullable<ReturnType<typeof aMe>['profile']>), branchId: 'o-b-organ-1' });

it('a plain member sees 我的党支部, which opens the branch page, and no 党组织工作', async () => {
  const { container } = await renderCard(aMe({ profile: profileWithBranch(), leadsOrg: false }));
  expect(container.querySelector('.e2e-profile-org-work')).toBeNull();
  fireEvent.click(container.querySelector('.e2e-profile-my-branch') as HTMLElement);
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/org/pages/org-page/index?orgId=o-b-organ-1' });
});

it('a branch secretary or 联系人 sees 党组织工作', async () => {
  const { container } = await renderCard(aMe({ profile: profileWithBranch(), leadsOrg: true }));
  expect(container.querySelector('.e2e-profile-my-branch')).toBeNull();
  fireEvent.click(container.querySelector('.e2e-profile-org-work') as HTMLElement);
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/org/pages/my-orgs/index' });
});

it('党组织工作人员 (granted) see it without leading a node', async () => {
  const { container } = await renderCard(aMe({ profile: profileWithBranch(), leadsOrg: false, grants: [{ role: 'org_staff', scopeType: 'organisation', scopeId: 'o-st-baihuazhou', scopeName: '百花洲街道党工委' }] }));
  expect(container.querySelector('.e2e-profile-org-work')).not.toBeNull();
});

it('links 我的社区 to the community’s 社区党组织', async () => {
  const { container } = await renderCard(aMe({ leadsOrg: false }));
  fireEvent.click(container.querySelector('.e2e-profile-community-org') as HTMLElement);
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/org/pages/org-page/index?orgId=o-c-hubin' });
});
