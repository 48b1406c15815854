import { Text, View } from '@tarojs/components';
import { COLLECTED, PLATFORM_APIS, POLICY_UPDATED, SHARING, YOUR_RIGHTS, retentionRows } from '@/domain/privacy-policy';
import { Section } from '@/components/section';
import './privacy.scss';

/** 隐私政策, rendered from the one structured policy (src/domain/privacy-policy.ts) that a test keeps true to the code. */
export function PrivacyPolicyView() {
  return (
    <>
      <Section title="隐私政策" className="e2e-policy-intro">
        <Text className="privacy-text">
          本小程序用于党员到社区报到、微心愿和网络问政。我们只收集完成这些事情所需的最少信息，不收集身份证号。更新日期：{POLICY_UPDATED}。
        </Text>
      </Section>
      <Section title="我们收集的信息" className="e2e-policy-collected">
        {COLLECTED.map((item) => (
          <View key={item.title} className="privacy-record">
            <Text className="privacy-record__title">{item.title}</Text>
            <Text className="privacy-record__field">内容：{item.data}</Text>
            <Text className="privacy-record__field">用途：{item.why}</Text>
            <Text className="privacy-record__field">谁能看到：{item.who}</Text>
          </View>
        ))}
      </Section>
      <Section title="使用的手机功能" className="e2e-policy-apis">
        {PLATFORM_APIS.map((api) => (
          <View key={api.api} className="privacy-record">
            <Text className="privacy-record__title">{api.title}</Text>
            <Text className="privacy-record__field">{api.when}</Text>
          </View>
        ))}
      </Section>
      <Section title="保存期限" className="e2e-policy-retention">
        {retentionRows().map((row) => (
          <View key={row.key} className="privacy-record">
            <Text className="privacy-record__title">{row.label}</Text>
            <Text className="privacy-record__field">{row.period}</Text>
            <Text className="privacy-record__keep">原因：{row.why}</Text>
          </View>
        ))}
      </Section>
      <Section title="共享与存放" className="e2e-policy-sharing">
        <Text className="privacy-text">{SHARING}</Text>
      </Section>
      <Section title="您的权利" className="e2e-policy-rights">
        {YOUR_RIGHTS.map((right) => (
          <View key={right.title} className="privacy-record">
            <Text className="privacy-record__title">{right.title}</Text>
            <Text className="privacy-record__field">{right.text}</Text>
          </View>
        ))}
      </Section>
    </>
  );
}
