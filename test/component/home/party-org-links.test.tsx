import { fireEvent, render, waitFor } from '@testing-library/react';
import { PartyOrgLinks } from '@/features/communities/party-org-links';
import { answerCalls, Taro } from '../platform';

/** 首页 under 我的社区: links to the community's 社区党组织 page and to the member's own 党支部. */
beforeEach(() => jest.clearAllMocks());

const hubinOrg = { id: 'o-c-hubin', type: 'community_org', typeLabel: '社区党组织', name: '湖滨社区党委', parentId: 'o-st-baihuazhou', status: 'active' };

it('looks up the community’s 社区党组织 and opens its page', async () => {
  const sent = answerCalls(() => ({ data: { org: hubinOrg } }));
  const { container } = render(<PartyOrgLinks communityId="c-donghu-hubin" branch={{ id: 'o-b-organ-1', name: '机关第一党支部' }} />);
  await waitFor(() => expect(container.querySelector('.e2e-community-org-link')).not.toBeNull());
  expect(sent).toEqual([{ fn: 'org', action: 'ofCommunity', payload: { communityId: 'c-donghu-hubin' } }]);
  fireEvent.click(container.querySelector('.e2e-community-org-link') as HTMLElement);
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/org/pages/org-page/index?orgId=o-c-hubin' });
  fireEvent.click(container.querySelector('.e2e-my-branch-link') as HTMLElement);
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/org/pages/org-page/index?orgId=o-b-organ-1' });
});

it('shows nothing for a resident of a community the tree does not have yet', async () => {
  const sent = answerCalls(() => ({ data: { org: null } }));
  const { container } = render(<PartyOrgLinks communityId="c-new" />);
  await waitFor(() => expect(sent).toHaveLength(1));
  expect(container.querySelector('.e2e-party-org-links')).toBeNull();
});
