import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { LedgerTable } from '@/domain/ledger-table';
import { shanghaiYear } from '@/domain/shanghai-time';
import { STAR_LABELS } from '@/domain/star-rating';
import { STAR_REASON_MAX, type PublicStarRow, type StarOverview } from '@/domain/star.schema';
import { AppButton } from '@/components/app-button';
import { BottomBar } from '@/components/bottom-bar';
import { FormField } from '@/components/form-field';
import { LedgerTableView } from '@/components/ledger-table-view';
import { OptionPicker } from '@/components/option-picker';
import { Section } from '@/components/section';
import { AsyncView, EmptyState } from '@/components/state-views';
import { TextArea } from '@/components/text-area';
import { toastInfo } from '@/components/toast';
import { call } from '@/lib/cloud';
import { confirmAction } from '@/lib/confirm';
import { openDocument } from '@/lib/open-document';
import { newRequestId } from '@/lib/request-id';
import { askToNotify } from '@/lib/subscribe-message';
import { useAction } from '@/lib/use-action';
import { useAsync } from '@/lib/use-async';
import { urlOf } from '@/routes';
import { STAR_OPTIONS } from './star-scoring';
import './stars.scss';
import { useReloadOnShow } from '@/lib/use-reload-on-show';

function QuotaList({ quotas }: { quotas: StarOverview['quotas'] }) {
  return (
    <View className="stars__block e2e-star-quotas">
      {quotas.map((q) => (
        <Text key={q.label} className={q.exceeded && q.enforced ? 'stars__warn e2e-star-quota-exceeded' : 'stars__line'}>
          {`${q.label}：${q.count} 个 / 最多 ${q.limit} 个（${Math.round(q.share * 100)}%）${q.enforced ? '' : '，仅作参考'}${q.exceeded ? '，已超出' : ''}`}
        </Text>
      ))}
    </View>
  );
}

/** 评定: every branch with its proposed star, the quota use of the chosen set, and the confirm for the reviewed ones. */
function RatingForm({ orgId, year, overview, onDone }: { orgId: string; year: number; overview: StarOverview; onDone: () => void }) {
  const reviewed = overview.rows.filter((r) => r.status === 'reviewed');
  const [chosen, setChosen] = useState<Record<string, string>>(Object.fromEntries(reviewed.map((r) => [r.branchId, String(r.proposedStars ?? '')])));
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const { run, busy } = useAction();
  return (
    <Section title={`${overview.orgName} · ${year} 年度评定`} className="stars e2e-star-rating">
      <QuotaList quotas={overview.quotas} />
      {overview.rows.map((row) => (
        <View key={row.branchId} className="stars__card e2e-star-row">
          <Text className="stars__title">{row.branchName}</Text>
          <Text className="stars__line">{`${row.statusLabel}${row.total !== null ? ` · 审核得分 ${row.total} 分` : ''}${row.stars ? ` · 已评${STAR_LABELS[row.stars]}` : ''}`}</Text>
          {row.status === 'reviewed' && (
            <>
              <FormField name={`stars-${row.branchId}`} label={`评定星级（建议${row.proposedStars ? STAR_LABELS[row.proposedStars] : '—'}）`} required>
                <OptionPicker title="评定星级" hook={`rate-${row.branchId}`} value={chosen[row.branchId] ?? ''} options={STAR_OPTIONS.filter((o) => row.allowedStars === null || Number(o.value) <= row.allowedStars)} onChange={(v) => setChosen((c) => ({ ...c, [row.branchId]: v }))} />
              </FormField>
              {row.allowedStars !== null && Number(chosen[row.branchId]) < row.allowedStars && (
                <FormField name={`reason-${row.branchId}`} label="低于可评星级的理由" required>
                  <TextArea className={`e2e-input-rate-reason-${row.branchId}`} value={reasons[row.branchId] ?? ''} limit={STAR_REASON_MAX} onChange={(v) => setReasons((r) => ({ ...r, [row.branchId]: v }))} />
                </FormField>
              )}
            </>
          )}
          <AppButton className="e2e-star-open-branch" block onClick={() => void Taro.navigateTo({ url: urlOf('starAssess', { branchId: row.branchId, year: String(year) }) })}>
            查看评分
          </AppButton>
        </View>
      ))}
      {reviewed.length === 0 ? (
        <Text className="stars__hint e2e-star-none-to-rate">暂无待评定的党支部：上级党组织审核后会出现在这里。</Text>
      ) : (
      <BottomBar>
        <AppButton className="e2e-star-rate" type="primary" block loading={busy} onClick={async () => {
          if (!(await confirmAction({ title: '确认评定', content: `确认 ${reviewed.length} 个党支部的星级并进行公示（5 个工作日）？`, confirmText: '确认' }))) return;
          const ratings = reviewed.map((r) => ({ branchId: r.branchId, stars: Number(chosen[r.branchId]) || 0, reason: reasons[r.branchId] ?? '' }));
          if (await run('org', 'rateStars', { orgId, year, ratings }, { done: '已评定，下一步：公示 5 个工作日' })) onDone();
        }}>
          确认评定并公示
        </AppButton>
      </BottomBar>
      )}
    </Section>
  );
}

function Objections({ orgId, year }: { orgId: string; year: number }) {
  const { state, reload } = useAsync(() => call('org', 'starObjections', { orgId, year }), [orgId, year]);
  const [replies, setReplies] = useState<Record<string, string>>({});
  const { run, running } = useAction();
  return (
    <Section title="异议处理" className="stars e2e-star-objections">
      <AsyncView state={state} onRetry={() => void reload()} isEmpty={(d) => d.items.length === 0} empty={<EmptyState title="暂无异议" description="公示期间群众提出的异议会出现在这里" />}>
        {(d) => (
          <>
            {d.items.map((o) => (
              <View key={o.id} className="stars__card e2e-star-objection">
                <Text className="stars__title">{`${o.branchName} · ${o.objectorName}`}</Text>
                <Text className="stars__line">{`异议：${o.reason}`}</Text>
                {o.reply ? (
                  <Text className="stars__line">{`已答复（${o.outcome === 'upheld' ? '异议成立' : '异议不成立'}）：${o.reply}`}</Text>
                ) : (
                  <>
                    <FormField name={`reply-${o.id}`} label="答复" required>
                      <TextArea className="e2e-input-reply" value={replies[o.id] ?? ''} limit={STAR_REASON_MAX} onChange={(v) => setReplies((r) => ({ ...r, [o.id]: v }))} />
                    </FormField>
                    {(['upheld', 'dismissed'] as const).map((outcome) => (
                      <AppButton key={outcome} className={`e2e-star-answer-${outcome}`} block loading={running === `${o.id}-${outcome}`} onClick={async () => {
                        if (!(await confirmAction({ title: outcome === 'upheld' ? '异议成立' : '异议不成立', content: outcome === 'upheld' ? '该支部将退回上级党组织重新审核。' : '维持评定结果，答复将公开。', confirmText: '答复' }))) return;
                        if (await run('org', 'answerStarObjection', { objectionId: o.id, outcome, reply: replies[o.id] ?? '' }, { key: `${o.id}-${outcome}`, done: '已答复' })) void reload();
                      }}>
                        {outcome === 'upheld' ? '异议成立，重新审核' : '异议不成立，维持结果'}
                      </AppButton>
                    ))}
                  </>
                )}
              </View>
            ))}
          </>
        )}
      </AsyncView>
    </Section>
  );
}

/** The rating organisation's page: open the year, rate within the quotas, answer objections, go to the tables. */
export function StarRatingBoard({ orgId, year }: { orgId: string; year: number }) {
  const { state, reload } = useAsync(() => call('org', 'starOverview', { orgId, year }), [orgId, year]);
  useReloadOnShow(() => reload());
  const { run, busy } = useAction();
  return (
    <AsyncView state={state} onRetry={() => void reload()}>
      {(overview) =>
        overview.opened ? (
          <>
            <RatingForm orgId={orgId} year={year} overview={overview} onDone={() => void reload()} />
            <Objections orgId={orgId} year={year} />
            <Section title="台账和统计" className="stars">
              <AppButton className="e2e-star-statistics" block onClick={() => void Taro.navigateTo({ url: urlOf('starStatistics', { orgId, year: String(year) }) })}>
                星级评定情况统计表和工作台账
              </AppButton>
              <AppButton className="e2e-star-publicity" block onClick={() => void Taro.navigateTo({ url: urlOf('starPublicity', { orgId, year: String(year) }) })}>
                查看公示
              </AppButton>
              <AppButton className="e2e-star-upgrades" block onClick={() => void Taro.navigateTo({ url: urlOf('starUpgrades', { orgId, year: String(year) }) })}>
                升级增星申请
              </AppButton>
              <AppButton className="e2e-star-sheet" block onClick={() => void Taro.navigateTo({ url: urlOf('starSheet', { orgId, year: String(year) }) })}>
                查看本年度评分表
              </AppButton>
            </Section>
          </>
        ) : (
          <Section title={`${overview.orgName} · ${year} 年度五星创评`} className="stars">
            <EmptyState title="本年度尚未开始" description="开始前可细化本年度评分表；开始后评分表锁定，各党支部开始自评" />
            <AppButton className="e2e-star-sheet" block onClick={() => void Taro.navigateTo({ url: urlOf('starSheet', { orgId, year: String(year) }) })}>
              细化本年度评分表
            </AppButton>
            <BottomBar>
              <AppButton className="e2e-star-open-cycle" type="primary" block loading={busy} onClick={async () => {
                if (!(await confirmAction({ title: '开始本年度五星创评', content: '开始后本年度评分表锁定，不能再修改。', confirmText: '开始' }))) return;
                if (await run('org', 'openStarCycle', { orgId, year }, { done: (r) => `已开始，${r.branches} 个党支部进入自评` })) void reload();
              }}>
                开始自评
              </AppButton>
            </BottomBar>
          </Section>
        )
      }
    </AsyncView>
  );
}

function PublicRow({ row, year, onObjected }: { row: PublicStarRow; year: number; onObjected: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [requestId] = useState(() => newRequestId());
  const { run, busy, errors, clearError } = useAction({ fields: ['reason'] });
  return (
    <View className="stars__card e2e-star-public-row">
      <Text className="stars__title">{`${row.branchName} · ${row.starsLabel}`}</Text>
      <Text className="stars__line">{`${row.statusLabel}${row.publicityEndsAt && row.status === 'publicised' ? ` · 公示至 ${row.publicityEndsAt.slice(0, 10)}` : ''}`}</Text>
      {row.objections.map((o) => (
        <View key={o.id} className="stars__block e2e-star-public-objection">
          <Text className="stars__line">{`${o.objector} 提出异议：${o.reason}`}</Text>
          {o.reply && <Text className="stars__line">{`答复（${o.outcomeLabel ?? ''}）：${o.reply}`}</Text>}
        </View>
      ))}
      {row.status !== 'final' &&
        (open ? (
          <>
            <FormField name="reason" label="异议理由" required error={errors.reason}>
              <TextArea className="e2e-input-objection" value={reason} limit={STAR_REASON_MAX} placeholder="请写明事实，评定组织会核实并答复" onChange={(v) => { setReason(v); clearError('reason'); }} />
            </FormField>
            <AppButton className="e2e-star-object-submit" type="primary" block loading={busy} onClick={async () => {
              // Asked on this tap (WeChat allows it only here): the answer is sent to the objector.
              void askToNotify(['starObjectionAnswered']);
              if (!(await confirmAction({ title: '提交异议', content: '您的姓名将隐去后公开，评定组织可以看到。', confirmText: '提交' }))) return;
              if (await run('org', 'objectToStar', { branchId: row.branchId, year, reason, requestId }, { done: '异议已提交，下一步：等待评定组织答复' })) onObjected();
            }}>
              提交异议
            </AppButton>
          </>
        ) : (
          <AppButton className="e2e-star-object" block onClick={() => setOpen(true)}>
            提出异议
          </AppButton>
        ))}
    </View>
  );
}

/** 公示: the organisation's ratings with objections and replies; anyone signed in may object. */
export function StarPublicity({ orgId, year }: { orgId: string; year: number }) {
  const { state, reload } = useAsync(() => call('org', 'publicStars', { orgId, year }), [orgId, year]);
  return (
    <Section title={`${year} 年度五星创评公示`} className="stars e2e-star-public">
      <AsyncView state={state} onRetry={() => void reload()} isEmpty={(d) => d.rows.length === 0} empty={<EmptyState title="暂无公示" description="评定后的星级会在这里公示 5 个工作日" />}>
        {(d) => (
          <>
            {d.orgName && <Text className="stars__line">{`评定组织：${d.orgName}`}</Text>}
            {d.rows.map((row) => (
              <PublicRow key={row.branchId} row={row} year={year} onObjected={() => void reload()} />
            ))}
          </>
        )}
      </AsyncView>
    </Section>
  );
}

/** 星级评定情况统计表 and 五星创评工作台账, with the .xlsx export. */
export function StarTables({ orgId, year }: { orgId: string; year: number }) {
  const [kind, setKind] = useState<'statistics' | 'ledger'>('statistics');
  const { state, reload } = useAsync(() => call('org', 'starTable', { orgId, year, table: kind }), [orgId, year, kind]);
  const { run, busy } = useAction();
  const [file, setFile] = useState<{ url: string; fileName: string; rows: number } | null>(null);
  return (
    <Section title="五星创评台账" className="stars e2e-star-tables">
      <FormField name="table" label="表格">
        <OptionPicker title="表格" hook="star-table" value={kind} options={[{ value: 'statistics', label: '星级评定情况统计表' }, { value: 'ledger', label: '五星创评工作台账' }]} onChange={(v) => { setFile(null); setKind(v as 'statistics' | 'ledger'); }} />
      </FormField>
      <AsyncView state={state} onRetry={() => void reload()}>
        {(d: { table: LedgerTable }) => <LedgerTableView table={d.table} />}
      </AsyncView>
      <BottomBar>
        <AppButton className="e2e-star-export" type="primary" block loading={busy} onClick={async () => {
          setFile(null);
          const result = await run('org', 'exportStarTable', { orgId, year, table: kind }, { done: '已生成 Excel 文件' });
          if (result) setFile(result);
        }}>
          导出 Excel
        </AppButton>
        {file && (
          <AppButton className="e2e-star-export-open" block onClick={() => void openDocument(file.url, 'xlsx').catch((e: Error) => toastInfo(e.message || '打开失败，请稍后重试'))}>
            {`打开 ${file.fileName}`}
          </AppButton>
        )}
      </BottomBar>
    </Section>
  );
}

/** The secretary's 申报表 as a printable .xlsx. */
export function ApplicationExport({ orgId, branchId, year }: { orgId: string; branchId: string; year: number }) {
  const { run, busy } = useAction();
  return (
    <AppButton className="e2e-star-application" block loading={busy} onClick={async () => {
      const result = await run('org', 'exportStarTable', { orgId, year, table: 'application', branchId }, { done: '已生成申报表' });
      if (result) await openDocument(result.url, 'xlsx').catch((e: Error) => toastInfo(e.message || '打开失败，请稍后重试'));
    }}>
      打印申报表（Excel）
    </AppButton>
  );
}


/** On an organisation's page: its 五星创评 公示 for anyone, and the way in for its secretary and staff. */
export function StarEntry({ orgId }: { orgId: string }) {
  const year = String(shanghaiYear(new Date()));
  return (
    <Section title="五星创评" className="stars e2e-star-entry">
      <View className="stars__actions">
        <AppButton className="e2e-star-entry-publicity" block onClick={() => void Taro.navigateTo({ url: urlOf('starPublicity', { orgId, year }) })}>
          五星创评公示
        </AppButton>
        <AppButton className="e2e-star-entry-assess" block onClick={() => void Taro.navigateTo({ url: urlOf('starAssess', { branchId: orgId, year }) })}>
          本支部自评（书记）
        </AppButton>
        <AppButton className="e2e-star-entry-upgrade" block onClick={() => void Taro.navigateTo({ url: urlOf('starUpgrade', { branchId: orgId, year }) })}>
          升级增星申请（书记）
        </AppButton>
        <AppButton className="e2e-star-entry-rating" block onClick={() => void Taro.navigateTo({ url: urlOf('starRating', { orgId, year }) })}>
          评定与台账（评定组织工作人员）
        </AppButton>
        <AppButton className="e2e-star-entry-reports" block onClick={() => void Taro.navigateTo({ url: urlOf('starReports', { orgId, year }) })}>
          下级星级统计表报送情况（上级党组织）
        </AppButton>
      </View>
    </Section>
  );
}
