import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { PhotoMark } from '@/domain/media-check';
import type { PhotoView, QuestionView, ThreadEntryView } from '@/domain/question.schema';
import { formatShanghaiMinute } from '@/domain/shanghai-time';
import { CheckedPhoto } from '@/components/checked-photo';
import { Section } from '@/components/section';
import { QuestionStatusLine } from './question-card';
import { askerNextStep, PROVISIONAL } from './qa-format';
import './qa.scss';

const KIND_LABELS: Record<ThreadEntryView['kind'], string> = {
  accepted: '已受理',
  answered: '答复',
  followed_up: '追问',
  rated: '评价',
  reopened: '不满意，问题重新办理',
  transfer_requested: '申请转交',
  transfer_accepted: '接收转交，现由其负责',
  transfer_declined: '退回转交',
  escalated: '超期上报',
};

/** `marks`: 审核中/未通过审核 on the viewer's own (or, for staff, anyone's) photos WeChat has not passed yet. */
function Photos({ photos, marks }: { photos: PhotoView[]; marks: Record<string, PhotoMark> }) {
  if (photos.length === 0) return null;
  const urls = photos.map((p) => p.url);
  return (
    <View className="qa-photos">
      {photos.map((p) => (
        <CheckedPhoto key={p.fileId} className="qa-photos__img" url={p.url} mark={marks[p.url]} alt="问政照片" onClick={() => void Taro.previewImage({ urls, current: p.url })} />
      ))}
    </View>
  );
}

/** The question, its deadlines and everything that happened to it, as the viewer may see it. */
export function QuestionDetail({ q }: { q: QuestionView }) {
  return (
    <View className="qa-detail e2e-question-detail">
      <View className="qa-detail__head">
        <Text className="qa-detail__title e2e-question-detail-title">{q.title}</Text>
        <QuestionStatusLine q={q} />
        <Text className="qa-detail__meta">{`${q.category} · ${q.askerName} · ${formatShanghaiMinute(q.askedAt)}`}</Text>
        <Text className="qa-detail__meta">{`提问对象：${q.communityName}${q.handlerName !== q.communityName ? ` · 现由${q.handlerName}办理` : ''}`}</Text>
        {(q.viewer.isAsker || q.viewer.canHandle) && (
          <Text className="qa-detail__meta e2e-question-deadlines">
            {`受理时限 ${formatShanghaiMinute(q.acceptDueAt)}${q.acceptDueProvisional ? PROVISIONAL : ''} · 答复时限 ${formatShanghaiMinute(q.answerDueAt)}${q.answerDueProvisional ? PROVISIONAL : ''}（按工作日计算${q.acceptDueProvisional || q.answerDueProvisional ? '，节假日安排录入后重新计算' : ''}）`}
          </Text>
        )}
        {q.viewer.isAsker && askerNextStep(q) && <Text className="qa-detail__note e2e-asker-next-step">{askerNextStep(q)}</Text>}
        {q.transfer && <Text className="qa-detail__note">{`已申请转交${q.transfer.toName}：${q.transfer.reason}（对方接收前仍由${q.handlerName}负责）`}</Text>}
      </View>
      <Text className="qa-detail__content e2e-question-content">{q.content}</Text>
      <Photos photos={q.photos} marks={q.photoMarks} />
      {q.thread.length > 0 && (
        <Section title="办理过程" className="e2e-question-thread">
          {q.thread.map((e, i) => (
            <View key={`${e.at}-${i}`} className={`qa-entry qa-entry--${e.kind} e2e-thread-${e.kind}`}>
              <Text className="qa-entry__head">{`${e.by} · ${KIND_LABELS[e.kind]} · ${formatShanghaiMinute(e.at)}`}</Text>
              {e.text && <Text className="qa-entry__text">{e.text}</Text>}
              {e.photos && <Photos photos={e.photos} marks={q.photoMarks} />}
            </View>
          ))}
        </Section>
      )}
    </View>
  );
}
