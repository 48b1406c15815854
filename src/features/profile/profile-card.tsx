import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { hasOrgWork } from '@/domain/organisation.policy';
import type { MeView } from '@/domain/user.schema';
import { ListCell, ListGroup } from '@/components/list-cell';
import { call } from '@/lib/cloud';
import { useAsync } from '@/lib/use-async';
import { AppButton } from '@/components/app-button';
import { roleLines } from '@/lib/role-labels';
import { communityPlace } from '@/lib/format-distance';

import './profile-card.scss';
import { MEMBER_REGISTER_URL, MY_OPINIONS_URL, RECORDS_URL, urlOf } from '@/routes';

const goRegister = () => void Taro.navigateTo({ url: MEMBER_REGISTER_URL });

/** 我的: one's own profile in full (phone unmasked: it is one's own), roles with scopes, or the call to register. */
export function ProfileCard({ me }: { me: MeView }) {
  const p = me.profile;
  const communityId = me.community?.id;
  // The community's 社区党组织, linked under 我的社区 (public read; nothing shows while the tree has none).
  const { state: communityOrg } = useAsync(() => (communityId ? call('org', 'ofCommunity', { communityId }) : Promise.resolve({ org: null })), [communityId]);
  const partyOrg = communityOrg.data?.org ?? null;
  return (
    <View className="profile-card">
      <View className="profile-card__head">
        <Text className="profile-card__name e2e-profile-name">{p ? p.name : '微信用户'}</Text>
        <Text className="profile-card__tag">{p ? '在职党员' : '居民'}</Text>
      </View>

      {p ? (
        <ListGroup title="党员资料" className="e2e-profile">
          <ListCell title="姓名" extra={<Text className="e2e-profile-name-value">{p.name}</Text>} />
          <ListCell title="手机号" extra={<Text className="e2e-profile-phone">{p.phone}</Text>} />
          <ListCell title="工作单位" extra={<Text className="e2e-profile-unit">{p.workUnitName || p.workUnitId}</Text>} />
          {p.branchId ? (
            <ListCell className="e2e-profile-branch-link" title="所在党支部" extra={<Text className="e2e-profile-branch">{p.partyBranch}</Text>} onClick={() => void Taro.navigateTo({ url: urlOf('orgPage', { orgId: p.branchId }) })} />
          ) : (
            <ListCell title="所在党支部" extra={<Text className="e2e-profile-branch">{p.partyBranch}</Text>} />
          )}
          <ListCell title="特长" extra={<Text className="e2e-profile-skills">{p.skills.length ? p.skills.join('、') : '未填写'}</Text>} />
          <ListCell
            className="e2e-profile-records"
            title="我的服务记录"
            description="服务时长、积分与志愿服务记录证明"
            onClick={() => void Taro.navigateTo({ url: RECORDS_URL })}
          />
          <ListCell
            className="e2e-profile-pledges"
            title="我的承诺"
            description="先锋创绩：定诺、践诺与评诺"
            onClick={() => void Taro.navigateTo({ url: urlOf('myPledges') })}
          />
          {hasOrgWork(me, me.leadsOrg) ? (
            <ListCell
              className="e2e-profile-org-work"
              title="党组织工作"
              description="书记、联系人和党组织工作人员：定诺、评诺、党建项目"
              onClick={() => void Taro.navigateTo({ url: urlOf('myOrgs') })}
            />
          ) : (
            p.branchId && (
              <ListCell
                className="e2e-profile-my-branch"
                title="我的党支部"
                description="支部的党员承诺、党建项目和星级"
                onClick={() => void Taro.navigateTo({ url: urlOf('orgPage', { orgId: p.branchId ?? '' }) })}
              />
            )
          )}
          <ListCell
            className="e2e-profile-opinions"
            title="社区对我的意见"
            description="报到社区的年度评价，可申辩一次"
            onClick={() => void Taro.navigateTo({ url: MY_OPINIONS_URL })}
          />
        </ListGroup>
      ) : (
        <View className="profile-card__cta e2e-register-prompt">
          <Text className="profile-card__cta-text">在职党员请先登记，登记后可到居住地社区报到、认领微心愿。</Text>
          <AppButton className="e2e-register-cta" type="primary" block onClick={goRegister}>
            登记为在职党员
          </AppButton>
        </View>
      )}

      <ListGroup title="我的角色" className="e2e-profile-roles">
        {roleLines(me).map((line) => (
          <ListCell key={line} className="e2e-profile-role" title={line} />
        ))}
      </ListGroup>

      <ListGroup title="我的社区">
        <ListCell
          className="e2e-profile-community"
          title={me.community ? me.community.name : '尚未选择'}
          description={me.community ? communityPlace(me.community) : '可在首页选择您居住的社区'}
        />
        {partyOrg && (
          <ListCell
            className="e2e-profile-community-org"
            title="社区党组织"
            extra={partyOrg.name}
            onClick={() => void Taro.navigateTo({ url: urlOf('orgPage', { orgId: partyOrg.id }) })}
          />
        )}
      </ListGroup>

      {p && (
        <View className="profile-card__actions">
          <AppButton className="e2e-edit-profile" block onClick={goRegister}>
            编辑资料
          </AppButton>
        </View>
      )}
    </View>
  );
}
