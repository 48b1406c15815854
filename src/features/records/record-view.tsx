import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MyRecordView, ServiceLogView } from '@/domain/service-log.schema';
import { AppButton } from '@/components/app-button';
import { EmptyState } from '@/components/state-views';
import { Section } from '@/components/section';

import './records.scss';
import { CERTIFICATE_URL, SERVICE_FORM_URL, withQuery } from '@/routes';

function LogRow({ log }: { log: ServiceLogView }) {
  const canCorrect = log.kind === 'activity' && (log.status === 'confirmed' || log.status === 'rejected' || log.status === 'pending') && log.activityId;
  return (
    <View className={`record-log e2e-record-log e2e-record-log-${log.status}`}>
      <View className="record-log__head">
        <Text className="record-log__title">{log.title}</Text>
        <Text className={`record-log__status record-log__status--${log.status}`}>{log.statusLabel}</Text>
      </View>
      <Text className="record-log__line">{`${log.serviceDate} · ${log.typeLabel} · ${log.kindLabel}`}</Text>
      <Text className="record-log__line">{`${log.communityName} · ${log.place}`}</Text>
      <View className="record-log__foot">
        <Text className="record-log__hours">{`${log.hours} 小时`}</Text>
        {canCorrect && (
          <Text
            className="record-log__action e2e-record-correct"
            onClick={() => void Taro.navigateTo({ url: withQuery(SERVICE_FORM_URL, { mode: 'correction', logId: log.id, activityId: log.activityId ?? undefined, title: log.title }) })}
          >
            申请补录
          </Text>
        )}
      </View>
      {log.kind === 'activity' && log.hours === 0 && (
        <Text className="record-log__reason e2e-record-zero">签到到签退不足半小时（或签到晚于活动结束），记 0 小时。如实际服务更久，请点「申请补录」并附上照片。</Text>
      )}
      {log.rejectReason && <Text className="record-log__reason">{`退回原因：${log.rejectReason}`}</Text>}
      {log.reason && <Text className="record-log__line">{`补录原因：${log.reason}`}</Text>}
    </View>
  );
}

/** 我的服务记录: totals, per-type hours, a year filter and every entry with its state. */
export function RecordView({ record, onYear }: { record: MyRecordView; onYear: (year: number | undefined) => void }) {
  const thisYear = new Date().getFullYear();
  const years = [...new Set([thisYear, ...record.years])].sort((a, b) => b - a);
  return (
    <View className="record-view">
      <View className="record-years e2e-record-years">
        {[undefined, ...years].map((y) => (
          <Text key={y ?? 'all'} className={`record-years__chip e2e-record-year-${y ?? 'all'}${record.year === (y ?? null) ? ' is-active' : ''}`} onClick={() => onYear(y)}>
            {y ? `${y} 年` : '全部'}
          </Text>
        ))}
      </View>
      <View className="record-totals e2e-record-totals">
        <View className="record-totals__item">
          <Text className="record-totals__value e2e-record-hours">{record.totals.hours}</Text>
          <Text className="record-totals__label">已确认时长（小时）</Text>
        </View>
        <View className="record-totals__item">
          <Text className="record-totals__value e2e-record-activities">{record.totals.activities}</Text>
          <Text className="record-totals__label">服务次数</Text>
        </View>
        <View className="record-totals__item">
          <Text className="record-totals__value e2e-record-points">{record.totals.points}</Text>
          <Text className="record-totals__label">积分</Text>
        </View>
      </View>
      {record.totals.byType.length > 0 && (
        <Section title="分类时长">
          <View className="record-types">
            {record.totals.byType.map((t) => (
              <View key={t.type} className="record-types__row">
                <Text>{t.label}</Text>
                <Text className="record-types__hours">{`${t.hours} 小时`}</Text>
              </View>
            ))}
          </View>
        </Section>
      )}
      <View className="record-actions">
        <AppButton className="e2e-record-self-report" size="small" onClick={() => void Taro.navigateTo({ url: withQuery(SERVICE_FORM_URL, { mode: 'self' }) })}>
          登记自主服务
        </AppButton>
        <AppButton className="e2e-record-certificate" size="small" type="primary" onClick={() => void Taro.navigateTo({ url: CERTIFICATE_URL })}>
          开具服务证明
        </AppButton>
      </View>
      <Section title="服务纪实">
        {record.items.length === 0 ? <EmptyState title="暂无服务记录" description="参加社区活动并签到签退后会记录在这里" /> : record.items.map((l) => <LogRow key={l.id} log={l} />)}
      </Section>
    </View>
  );
}
