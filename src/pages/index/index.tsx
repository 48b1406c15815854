import { useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { AsyncView } from '@/components/state-views';
import { Section } from '@/components/section';
import { useMe } from '@/lib/use-me';
import { PersonaBar } from '@/features/session/persona-bar';
import { CommunityCard } from '@/features/communities/community-card';
import { CommunityChooser } from '@/features/communities/community-chooser';
import { PartyOrgLinks } from '@/features/communities/party-org-links';
import { HomeEntryGrid } from '@/features/home/home-entry-grid';
import { entriesFor } from '@/features/home/home-entries';
import { LatestNotices } from '@/features/notices/latest-notices';
import { PageRoot } from '@/components/page-root';

export default function IndexPage() {
  const { state, reload } = useMe();
  const [choosing, setChoosing] = useState(false);
  const [round, setRound] = useState(0);

  usePullDownRefresh(() => {
    setRound((r) => r + 1);
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <PageRoot className="page-home">
      <PersonaBar />
      <AsyncView state={state} onRetry={() => void reload()}>
        {(me) => (
          <>
            {me.community && !choosing ? (
              <CommunityCard community={me.community} onChange={() => setChoosing(true)} />
            ) : (
              <Section>
                <CommunityChooser
                  key={round}
                  currentId={me.community?.id}
                  onChosen={() => {
                    setChoosing(false);
                    void reload();
                  }}
                  onCancel={me.community ? () => setChoosing(false) : undefined}
                />
              </Section>
            )}
            {me.community && !choosing && (
              <PartyOrgLinks
                key={me.community.id}
                communityId={me.community.id}
                branch={me.profile?.branchId ? { id: me.profile.branchId, name: me.profile.partyBranch } : null}
              />
            )}
            <Section title="服务入口">
              <HomeEntryGrid entries={entriesFor(me.roles)} />
            </Section>
            {me.community && <LatestNotices key={`${me.community.id}-${round}`} communityId={me.community.id} />}
          </>
        )}
      </AsyncView>
    </PageRoot>
  );
}
