/** How 问政 states read on screen. Pure, so it is tested without a renderer. */
import { nextDate } from '@/domain/holiday-calendar';
import { QA_CATEGORIES, QUESTION_STATUS_LABELS, type QuestionSummary } from '@/domain/question.schema';
import { formatShanghaiDate, formatShanghaiMinute } from '@/domain/shanghai-time';

export const statusLabel = (status: QuestionSummary['status']) => QUESTION_STATUS_LABELS[status];

/** Beside a deadline counted over a year whose holiday table is not entered yet. */
export const PROVISIONAL = '（预计）';

/** "受理截止 10-09 23:59" / "答复截止 …（预计）" while open; nothing once answered. */
export function deadlineText(q: Pick<QuestionSummary, 'status' | 'dueAt' | 'dueProvisional'>): string {
  if (!q.dueAt) return '';
  const what = q.status === 'submitted' ? '受理' : '答复';
  return `${what}截止 ${formatShanghaiMinute(q.dueAt).slice(5)}${q.dueProvisional ? PROVISIONAL : ''}`;
}

export const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`);

export type PeriodKey = 'month' | 'quarter' | 'year';
export const PERIODS: { key: PeriodKey; label: string }[] = [
  { key: 'month', label: '本月' },
  { key: 'quarter', label: '近三个月' },
  { key: 'year', label: '今年' },
];

/** The figures' period as Shanghai dates, ending today. */
export function periodDates(key: PeriodKey, now: Date): { from: string; to: string } {
  const to = formatShanghaiDate(now);
  const year = to.slice(0, 4);
  if (key === 'year') return { from: `${year}-01-01`, to };
  if (key === 'month') return { from: `${to.slice(0, 7)}-01`, to };
  return { from: nextDate(to, -89), to };
}

/** What the asker is told while the question waits: who answers, within how many working days, and how they hear. */
export function askerNextStep(q: Pick<QuestionSummary, 'status' | 'category' | 'communityName'>): string | null {
  if (q.status !== 'submitted' && q.status !== 'accepted') return null;
  const days = QA_CATEGORIES.find((c) => c.name === q.category)?.answerDays;
  const within = days ? ` ${days} 个工作日内` : '规定时限内';
  return `下一步：${q.communityName}将在${within}答复（节假日不计），答复后会通知您，届时请对答复作出评价。`;
}
