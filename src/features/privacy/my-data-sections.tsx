import { Text, View } from '@tarojs/components';
import type { MyDataView } from '@/domain/privacy.schema';
import { Section } from '@/components/section';
import './privacy.scss';

/** 我的信息: each area, each record with its fields, why it is kept and for how long. */
export function MyDataSections({ view }: { view: MyDataView }) {
  return (
    <>
      {view.sections.map((section) => (
        <Section key={section.key} title={section.title} className={`e2e-my-data-${section.key}`}>
          {section.records.length === 0 ? (
            <Text className="privacy-empty">{section.empty}</Text>
          ) : (
            section.records.map((record, i) => (
              <View key={`${record.title}-${i}`} className="privacy-record e2e-my-data-record">
                <Text className="privacy-record__title">{record.title}</Text>
                {record.fields.map((f) => (
                  <Text key={f.label} className="privacy-record__field">
                    {f.label}：{f.value}
                  </Text>
                ))}
                <Text className="privacy-record__keep">
                  保存期限：{record.period}。原因：{record.why}。
                </Text>
              </View>
            ))
          )}
        </Section>
      ))}
    </>
  );
}
