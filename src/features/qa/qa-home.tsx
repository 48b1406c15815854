import { forwardRef, useImperativeHandle, useRef } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { canUseQaInbox } from '@/domain/question.policy';
import { actorOfMe } from '@/domain/user.policy';
import type { MeView } from '@/domain/user.schema';
import { EmptyState } from '@/components/state-views';
import { Section } from '@/components/section';
import { toastSuccess } from '@/components/toast';
import { AskForm } from './ask-form';
import { MyQuestions, type Reloadable } from './my-questions';

import './qa.scss';
import { QA_INBOX_URL, questionDetailUrl, questionPublicUrl } from '@/routes';

const go = (url: string) => void Taro.navigateTo({ url });

/** The 问政 tab: staff's way to their inbox, the community's public page, the ask form and one's own questions. */
export const QaHome = forwardRef<Reloadable, { me: MeView }>(function QaHome({ me }, ref) {
  const mine = useRef<Reloadable>(null);
  useImperativeHandle(ref, () => ({ reload: async () => mine.current?.reload() }), []);
  const isStaff = canUseQaInbox(actorOfMe(me)).ok;
  return (
    <View className="qa-home">
      {isStaff && (
        <View className="qa-entry-link e2e-open-qa-inbox" onClick={() => go(QA_INBOX_URL)}>
          <Text>问政办理（工作人员）</Text>
          <Text>›</Text>
        </View>
      )}
      {me.community ? (
        <>
          <View className="qa-entry-link e2e-open-public-qa" onClick={() => go(questionPublicUrl(me.community?.id))}>
            <Text>{`${me.community.name} · 问政公开与办理情况`}</Text>
            <Text>›</Text>
          </View>
          <Section title="我要提问">
            <AskForm
              communityName={me.community.name}
              onAsked={(q) => {
                toastSuccess('已提交');
                void mine.current?.reload();
                go(questionDetailUrl(q.id));
              }}
            />
          </Section>
        </>
      ) : (
        <EmptyState title="请先选择社区" description="在首页选择您居住的社区后，即可向社区党组织提问" />
      )}
      <Section title="我的提问">
        <MyQuestions ref={mine} />
      </Section>
    </View>
  );
});
