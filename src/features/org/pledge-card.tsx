import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { PledgeView } from '@/domain/pledge.schema';
import './org.scss';

/** One pledge with its progress and 评诺, as its member and its reviewers see it. */
export function PledgeCard({ pledge, showName, children }: { pledge: PledgeView; showName?: boolean; children?: ReactNode }) {
  return (
    <View className="org__card e2e-pledge">
      <Text className="org__title">{pledge.text}</Text>
      {showName && <Text className="org__line">{`${pledge.memberName} · ${pledge.branchName}`}</Text>}
      <Text className="org__line">{`${pledge.category} · 目标日期 ${pledge.targetDate}`}</Text>
      <Text className={`org__line e2e-pledge-status`}>{`状态：${pledge.statusLabel}`}</Text>
      {pledge.returnReason && <Text className="org__warn e2e-pledge-return-reason">{`退回原因：${pledge.returnReason}`}</Text>}
      {pledge.progress.map((e, i) => (
        <View key={e.at + String(i)} className="e2e-pledge-progress">
          <Text className="org__line">{`践诺 ${i + 1}（${e.at.slice(0, 10)}）：${e.text}${e.photos.length ? `（照片 ${e.photos.length} 张）` : ''}`}</Text>
          {e.evidence.map((ev) => (
            <Text key={ev.kind + ev.id} className="org__ok e2e-pledge-evidence">
              {ev.kind === 'serviceLog' ? `关联服务记录：${ev.title}（${ev.hours} 小时）` : `关联心愿：${ev.title}`}
            </Text>
          ))}
        </View>
      ))}
      {pledge.rating && <Text className="org__ok e2e-pledge-rating">{`评诺：${pledge.rating.gradeLabel}。${pledge.rating.comment}`}</Text>}
      {children}
    </View>
  );
}
