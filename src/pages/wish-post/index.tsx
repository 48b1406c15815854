import Taro from '@tarojs/taro';
import { AsyncView } from '@/components/state-views';
import { toastSuccess } from '@/components/toast';
import { useMe } from '@/lib/use-me';
import { WishPostForm } from '@/features/wishes/wish-post-form';

import '@/features/wishes/wishes.scss';
import { wishDetailUrl } from '@/routes';
import { PageRoot } from '@/components/page-root';

export default function WishPostPage() {
  const { state, reload } = useMe();
  return (
    <PageRoot className="page-wish-post">
      <AsyncView state={state} onRetry={() => void reload()}>
        {(me) => (
          <WishPostForm
            me={me}
            onPosted={(wish) => {
              toastSuccess(wish.status === 'published' ? '已发布' : '已提交，等待审核');
              void Taro.redirectTo({ url: wishDetailUrl(wish.id) });
            }}
          />
        )}
      </AsyncView>
    </PageRoot>
  );
}
