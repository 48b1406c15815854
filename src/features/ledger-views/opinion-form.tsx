import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { OPINION_COMMENT_MAX, OPINION_GRADE_LABELS, type OpinionGrade } from '@/domain/community-opinion';
import { recentYears } from '@/domain/ledger-range';
import type { OpinionCandidate } from '@/domain/ledger-views.schema';
import { AppButton } from '@/components/app-button';
import { FormField } from '@/components/form-field';
import { OptionPicker } from '@/components/option-picker';
import { Section } from '@/components/section';
import { AsyncView, EmptyState } from '@/components/state-views';
import { TextArea } from '@/components/text-area';
import { call } from '@/lib/cloud';
import { useAction } from '@/lib/use-action';
import { useAsync } from '@/lib/use-async';
import './ledger-views.scss';

/** One member: their record in the community beside the grade and the comment. */
function CandidateCard({ communityId, year, item, onSaved }: { communityId: string; year: number; item: OpinionCandidate; onSaved: () => void }) {
  const [grade, setGrade] = useState<string>(item.opinion?.grade ?? '');
  const [comment, setComment] = useState(item.opinion?.comment ?? '');
  const { run, busy, errors, clearError } = useAction({ fields: ['grade', 'comment'] });
  return (
    <View className="ledger-views__card e2e-opinion-candidate">
      <Text className="ledger-views__name">{item.name}</Text>
      <Text className="ledger-views__line">{`${item.workUnitName}　${item.standingLabel}`}</Text>
      <Text className="ledger-views__line">{`${year}年服务 ${item.hoursThisYear} 小时，${item.activitiesThisYear} 次${item.confirmedInYear ? '' : '；当年报到未经确认，只能评基本合格或不合格'}`}</Text>
      {item.opinion && (
        <Text className="ledger-views__line e2e-opinion-current">{`已评：${item.opinion.gradeLabel}（${item.opinion.ratedAt}）`}</Text>
      )}
      {item.opinion?.appeal && <Text className="ledger-views__line e2e-opinion-appeal">{`本人申辩：${item.opinion.appeal.text}`}</Text>}
      {item.isSelf ? (
        <Text className="ledger-views__line">不能对自己提出意见，请由其他工作人员填写。</Text>
      ) : (
        <>
          <FormField name="grade" label="评价等次" required error={errors.grade}>
            <OptionPicker
              hook="opinion-grade"
              title="选择评价等次"
              options={item.allowedGrades.map((g) => ({ value: g, label: OPINION_GRADE_LABELS[g] }))}
              value={grade}
              onChange={(v) => {
                setGrade(v);
                clearError('grade');
              }}
            />
          </FormField>
          <FormField name="comment" label="社区意见" required error={errors.comment}>
            <TextArea
              className="e2e-input-opinion-comment"
              value={comment}
              limit={OPINION_COMMENT_MAX}
              placeholder="如：积极参加社区服务，群众评价好"
              onChange={(v) => {
                setComment(v);
                clearError('comment');
              }}
            />
          </FormField>
          <View className="form-actions">
            <AppButton
              className="e2e-opinion-submit"
              type="primary"
              block
              loading={busy}
              onClick={async () => {
                const saved = await run(
                  'ledger',
                  'giveOpinion',
                  { communityId, memberOpenid: item.memberOpenid, year, grade: grade as OpinionGrade, comment },
                  { done: '意见已保存' },
                );
                if (saved) onSaved();
              }}
            >
              {item.opinion ? '修改意见' : '提交意见'}
            </AppButton>
          </View>
        </>
      )}
    </View>
  );
}

/** 评先评优听取社区意见: once a year, for each member reported in to the community. */
export function OpinionForm({ communityId }: { communityId: string }) {
  const years = recentYears(new Date());
  const [year, setYear] = useState(years[0]);
  const { state, reload } = useAsync(() => call('ledger', 'opinionForm', { communityId, year }), [communityId, year]);
  return (
    <Section title="党员年度评价（社区意见）" className="ledger-views e2e-opinion-form">
      <View className="ledger-views__filters">
        <OptionPicker hook="ledger-year" title="选择年份" options={years.map((y) => ({ value: String(y), label: `${y}年` }))} value={String(year)} onChange={(v) => setYear(Number(v))} />
      </View>
      <Text className="ledger-views__note">意见供党员所在单位评先评优参考，党员本人可以查看并申辩一次。</Text>
      <AsyncView state={state} onRetry={() => void reload()} isEmpty={(d) => d.items.length === 0} empty={<EmptyState title="暂无报到党员" description="党员到本社区报到后可在此提出意见" />}>
        {(data) => (
          <>
            {data.items.map((item) => (
              <CandidateCard key={`${item.memberOpenid}-${year}`} communityId={communityId} year={year} item={item} onSaved={() => void reload()} />
            ))}
          </>
        )}
      </AsyncView>
    </Section>
  );
}
