import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { WISH_STATUS_LABELS } from '@/domain/wish-machine';
import type { MyWishesView, WishDetailView } from '@/domain/wish.schema';
import { ListCell, ListGroup } from '@/components/list-cell';
import { Section } from '@/components/section';
import { formatDay, URGENCY_LABELS } from './wish-format';
import { wishDetailUrl } from '@/routes';

function Rows({ items, hook, empty }: { items: WishDetailView[]; hook: string; empty: string }) {
  if (items.length === 0) return <Text className="wish-empty-note">{empty}</Text>;
  return (
    <ListGroup className={`e2e-${hook}`}>
      {items.map((w) => (
        <ListCell
          key={w.id}
          className={`e2e-${hook}-item`}
          title={w.title}
          description={w.claim && w.status === 'claimed' ? `期限 ${formatDay(w.claim.deadline)} · ${URGENCY_LABELS[w.claim.urgency]}` : w.communityName}
          extra={WISH_STATUS_LABELS[w.status]}
          onClick={() => void Taro.navigateTo({ url: wishDetailUrl(w.id) })}
        />
      ))}
    </ListGroup>
  );
}

/** 我的心愿 / 我的认领 / 待我确认的匹配. */
export function MyWishes({ data }: { data: MyWishesView }) {
  return (
    <View>
      {data.proposals.length > 0 && (
        <Section title="待我确认的匹配">
          <Rows items={data.proposals} hook="my-proposals" empty="" />
        </Section>
      )}
      <Section title="我认领的">
        <Rows items={data.claims} hook="my-claims" empty="还没有认领心愿，去心愿墙看看吧" />
      </Section>
      <Section title="我发布的">
        <Rows items={data.posted} hook="my-posted" empty="还没有发布心愿" />
      </Section>
    </View>
  );
}
