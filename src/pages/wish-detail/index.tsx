import { useRouter } from '@tarojs/taro';
import { AsyncView } from '@/components/state-views';
import { WishActionBar } from '@/features/wishes/wish-action-bar';
import { WishDetailBody } from '@/features/wishes/wish-detail-view';
import { useAsync } from '@/lib/use-async';
import '@/features/wishes/wishes.scss';
import { call } from '@/lib/cloud';
import { PageRoot } from '@/components/page-root';
import { useReloadOnShow } from '@/lib/use-reload-on-show';

export default function WishDetailPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '');
  const { state, reload, setData } = useAsync(() => call('wish', 'detail', { wishId: id }), [id]);
  // The buttons come with the detail (`actions`, `claimAs`); coming back (e.g. after registering as a member)
  // reloads it so they follow who the viewer now is.
  useReloadOnShow(() => reload());
  return (
    <PageRoot className="page-wish-detail">
      <AsyncView state={state} onRetry={() => void reload()}>
        {(wish) => (
          <>
            <WishDetailBody wish={wish} />
            {wish.actions.length > 0 && <WishActionBar wish={wish} onDone={setData} onStale={() => void reload()} />}
          </>
        )}
      </AsyncView>
    </PageRoot>
  );
}
