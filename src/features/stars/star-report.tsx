import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { HALVES, halfOf, starReportLabel, type Half } from '@/domain/star-report';
import { AppButton } from '@/components/app-button';
import { FormField } from '@/components/form-field';
import { OptionPicker } from '@/components/option-picker';
import { Section } from '@/components/section';
import { AsyncView, EmptyState } from '@/components/state-views';
import { call } from '@/lib/cloud';
import { confirmAction } from '@/lib/confirm';
import { newRequestId } from '@/lib/request-id';
import { useAction } from '@/lib/use-action';
import { useAsync } from '@/lib/use-async';
import './stars.scss';

/** The half-years of `year` that have begun, the latest first (a half not yet begun has nothing to report). */
function halvesOf(year: number): { value: string; label: string }[] {
  const now = halfOf(new Date());
  return HALVES.filter((h) => year < now.year || (year === now.year && h <= now.half))
    .reverse()
    .map((h) => ({ value: String(h), label: starReportLabel(year, h) }));
}

function HalfPicker({ year, value, onChange }: { year: number; value: string; onChange: (v: string) => void }) {
  return (
    <FormField name="half" label="报送期">
      <OptionPicker title="报送期" hook="star-half" value={value} options={halvesOf(year)} onChange={onChange} />
    </FormField>
  );
}

/** Under the 统计表: the rating organisation reports (报送) the year's table to the level above, once per half-year. */
export function StarReportPanel({ orgId, year }: { orgId: string; year: number }) {
  const options = halvesOf(year);
  const [half, setHalf] = useState(options[0]?.value ?? '1');
  const { state, reload } = useAsync(() => call('org', 'starReport', { orgId, year, half: Number(half) as Half }), [orgId, year, half]);
  const { run, busy } = useAction();
  if (options.length === 0) return null;

  async function submit(label: string) {
    const ok = await confirmAction({ title: `报送${label}统计表？`, content: '报送后统计表即上报上级党组织，本半年度不能撤回或再次报送。', confirmText: '报送' });
    if (!ok) return;
    const done = await run('org', 'reportStarStatistics', { orgId, year, half: Number(half) as Half, requestId: newRequestId() }, { done: '已报送' });
    if (done) await reload();
  }

  return (
    <Section title="半年报送" className="stars e2e-star-report">
      <HalfPicker year={year} value={half} onChange={setHalf} />
      <AsyncView state={state} onRetry={() => void reload()}>
        {(d) => (
          <View className="stars__block">
            {d.submission ? (
              <Text className="stars__line e2e-star-report-done">{`${d.periodLabel}已报送：${d.submission.submittedAt}　${d.submission.submittedByName}`}</Text>
            ) : (
              <Text className="stars__line e2e-star-report-missing">{`${d.periodLabel}尚未报送`}</Text>
            )}
            {d.canSubmit && (
              <AppButton className="e2e-star-report-submit" type="primary" block loading={busy} onClick={() => void submit(d.periodLabel)}>
                报送上级党组织
              </AppButton>
            )}
          </View>
        )}
      </AsyncView>
    </Section>
  );
}

/** The level above: which rating organisations under it have reported the half-year's 统计表 (those still to report first). */
export function StarReportList({ orgId, year }: { orgId: string | null; year: number }) {
  const options = halvesOf(year);
  const [half, setHalf] = useState(options[0]?.value ?? '1');
  const { state, reload } = useAsync(() => call('org', 'starReports', { ...(orgId ? { orgId } : {}), year, half: Number(half) as Half }), [orgId, year, half]);
  return (
    <Section title="星级评定情况统计表报送情况" className="stars e2e-star-reports">
      <HalfPicker year={year} value={half} onChange={setHalf} />
      <AsyncView state={state} onRetry={() => void reload()}>
        {(d) =>
          d.rows.length === 0 ? (
            <EmptyState title="暂无评定组织" description={`${year} 年度还没有下级党组织开展五星创评`} />
          ) : (
            <View className="stars__block">
              <Text className="stars__line">{`${d.periodLabel}：${d.rows.length} 个评定组织中已报送 ${d.submittedCount} 个`}</Text>
              {d.rows.map((r) => (
                <View key={r.orgId} className={`stars__card e2e-star-report-${r.submitted ? 'done' : 'missing'}`}>
                  <Text className="stars__title">{r.orgName}</Text>
                  <Text className={r.submitted ? 'stars__line' : 'stars__warn'}>{r.submitted ? `已报送　${r.submittedAt}` : '未报送'}</Text>
                </View>
              ))}
            </View>
          )
        }
      </AsyncView>
    </Section>
  );
}
