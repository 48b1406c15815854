import Taro from '@tarojs/taro';
import { ListCell, ListGroup } from '@/components/list-cell';
import { call } from '@/lib/cloud';
import { useAsync } from '@/lib/use-async';
import { urlOf } from '@/routes';

const openOrg = (orgId: string) => void Taro.navigateTo({ url: urlOf('orgPage', { orgId }) });

/**
 * 首页 under 我的社区: the community's 社区党组织 and, for a member, their own 党支部 — each opens the organisation's
 * public page (its branches, pledges, projects and stars). Nothing shows while the tree has no node for the community.
 */
export function PartyOrgLinks({ communityId, branch }: { communityId: string; branch?: { id: string; name: string } | null }) {
  const { state } = useAsync(() => call('org', 'ofCommunity', { communityId }), [communityId]);
  const org = state.data?.org ?? null;
  if (!org && !branch) return null;
  return (
    <ListGroup title="党组织" className="e2e-party-org-links">
      {org && <ListCell className="e2e-community-org-link" title="社区党组织" extra={org.name} onClick={() => openOrg(org.id)} />}
      {branch && <ListCell className="e2e-my-branch-link" title="我的党支部" extra={branch.name} onClick={() => openOrg(branch.id)} />}
    </ListGroup>
  );
}
