import { Text, View } from '@tarojs/components';
import { CheckedPhoto } from '@/components/checked-photo';
import { WISH_EVENT_LABELS, WISH_STATUS_LABELS } from '@/domain/wish-machine';
import type { WishDetailView } from '@/domain/wish.schema';
import { Section } from '@/components/section';
import { PhoneLink } from '@/components/phone-link';
import { claimProgress, CLAIMANT_NEXT_STEP, formatDay, formatMinute, formatYuan } from './wish-format';

function Line({ label, value, hook }: { label: string; value: string; hook?: string }) {
  return (
    <View className="wish-detail__line">
      <Text className="wish-detail__line-label">{label}</Text>
      <Text className={hook ? `e2e-${hook}` : undefined}>{value}</Text>
    </View>
  );
}

/** Everything the viewer may see of one wish; the contact only when the server sent it (claimant, poster, staff). */
export function WishDetailBody({ wish }: { wish: WishDetailView }) {
  return (
    <View className="wish-detail e2e-wish-detail">
      <Section title={wish.title} extra={<Text className="wish-tag e2e-wish-status">{WISH_STATUS_LABELS[wish.status]}</Text>}>
        {wish.photoUrls.length > 0 && (
          <View className="wish-detail__photos">
            {wish.photoUrls.map((u) => (
              <CheckedPhoto key={u} className="wish-detail__photo" url={u} mark={wish.photoMarks[u]} alt="心愿照片" />
            ))}
          </View>
        )}
        <Text className="wish-detail__text">{wish.story}</Text>
        <Line label="心愿人" value={`${wish.beneficiaryName}（${wish.beneficiaryType}）`} hook="detail-beneficiary" />
        <Line label="类别" value={wish.category} />
        <Line label="预估价值" value={formatYuan(wish.value)} />
        <Line label="社区" value={wish.communityName} />
        {wish.campaign && <Line label="所属活动" value={`${wish.campaign.name}（每人限领 ${wish.campaign.perPersonLimit} 个）`} />}
        <Line label="发布时间" value={formatMinute(wish.publishAt)} />
        {wish.contentFlag && <Line label="内容安全" value="需人工复核" hook="detail-content-flag" />}
        {wish.rejectReason && <Line label="驳回原因" value={wish.rejectReason} />}
      </Section>

      {wish.contact && (
        <Section title="心愿人联系方式" className="e2e-detail-contact">
          <Line label="姓名" value={wish.contact.name} hook="contact-name" />
          <View className="wish-detail__line">
            <Text className="wish-detail__line-label">电话</Text>
            <PhoneLink phone={wish.contact.phone} hook="contact-phone" />
          </View>
          {wish.status === 'claimed' && wish.actions.includes('deliver') && <Text className="wish-detail__line e2e-claimant-next-step">{CLAIMANT_NEXT_STEP}</Text>}
        </Section>
      )}

      {wish.claim && (
        <Section title="认领情况">
          <Line label="认领人" value={wish.claim.helper} hook="detail-helper" />
          <Line label="认领时间" value={formatMinute(wish.claim.claimedAt)} />
          <Line label="办理期限" value={formatDay(wish.claim.deadline)} />
          {wish.status === 'claimed' && <Line label="进度" value={claimProgress(wish.claim)} hook="detail-progress" />}
        </Section>
      )}

      {wish.delivery && (
        <Section title="送达情况">
          {wish.deliveryPhotoUrls.length > 0 && (
            <View className="wish-detail__photos">
              {wish.deliveryPhotoUrls.map((u) => (
                <CheckedPhoto key={u} className="wish-detail__photo e2e-delivery-photo" url={u} mark={wish.photoMarks[u]} alt="送达照片" />
              ))}
            </View>
          )}
          <Text className="wish-detail__text">{wish.delivery.note}</Text>
          <Line label="送达时间" value={formatMinute(wish.delivery.at)} />
        </Section>
      )}

      <Section title="办理记录">
        <View className="wish-history e2e-wish-history">
          {wish.history.map((e, i) => (
            <View key={`${e.at}-${i}`} className="wish-history__item">
              <Text className="wish-history__what">
                {e.event === 'post' ? '提交心愿' : WISH_EVENT_LABELS[e.event]} · {WISH_STATUS_LABELS[e.to]}
              </Text>
              <Text>
                {e.by} · {formatMinute(e.at)}
                {e.reason ? ` · 原因：${e.reason}` : ''}
              </Text>
            </View>
          ))}
        </View>
      </Section>

      {wish.contactReveals && (
        <Section title={`联系方式查看记录（${wish.contactReveals.length}）`}>
          <View className="wish-history e2e-wish-contact-reveals">
            {wish.contactReveals.length === 0 && <Text>尚无人通过认领查看心愿人联系方式</Text>}
            {wish.contactReveals.map((r, i) => (
              <View key={`${r.at}-${i}`} className="wish-history__item">
                <Text>
                  {r.by} 认领时查看 · {formatMinute(r.at)}
                </Text>
              </View>
            ))}
          </View>
        </Section>
      )}
    </View>
  );
}
