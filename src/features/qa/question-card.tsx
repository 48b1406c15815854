import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { InboxItem, QuestionSummary } from '@/domain/question.schema';
import { formatShanghaiMinute } from '@/domain/shanghai-time';
import { deadlineText, statusLabel } from './qa-format';
import './qa.scss';

/** Status, deadline and the flags that matter (超期, 已上报街道, 待接收转交) in one row. */
export function QuestionStatusLine({ q }: { q: QuestionSummary }) {
  return (
    <View className="qa-status">
      <Text className={`qa-tag qa-tag--${q.status} e2e-question-status`}>{statusLabel(q.status)}</Text>
      {q.overdue && <Text className="qa-tag qa-tag--overdue e2e-question-overdue">已超期</Text>}
      {q.escalated && <Text className="qa-tag qa-tag--escalated e2e-question-escalated">已上报街道</Text>}
      {q.dueAt && <Text className={`qa-status__due e2e-question-due${q.overdue ? ' qa-status__due--late' : ''}`}>{deadlineText(q)}</Text>}
      {q.rating && <Text className="qa-status__rating">{`评价：${q.rating}`}</Text>}
    </View>
  );
}

/** One question in a list; staff rows also show who asked and where it came from. */
export function QuestionCard({ q, url }: { q: QuestionSummary | InboxItem; url: string }) {
  const staff = 'askerName' in q;
  return (
    <View className={`qa-card e2e-question e2e-question-${q.id}`} onClick={() => void Taro.navigateTo({ url })}>
      <Text className="qa-card__title e2e-question-title">{q.title}</Text>
      <QuestionStatusLine q={q} />
      <Text className="qa-card__meta">
        {`${q.category} · ${formatShanghaiMinute(q.askedAt)}`}
        {staff ? ` · ${q.askerName} · ${q.communityName}` : ` · ${q.handlerName}`}
      </Text>
      {staff && q.transferToName && <Text className="qa-card__note e2e-question-incoming">{`转交给${q.transferToName}，待接收`}</Text>}
      {staff && q.needsReview && <Text className="qa-card__note">内容待人工复核，请核实后再公开答复</Text>}
    </View>
  );
}
