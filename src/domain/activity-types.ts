/** The tasks a reported member does in the community (docs/domain.md §1), plus general volunteering. */
export const ACTIVITY_TYPES = ['policy_talk', 'home_visit', 'livelihood', 'mediation', 'friendship', 'volunteer'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const ACTIVITY_TYPE_LABELS: Record<ActivityType, string> = {
  policy_talk: '政策宣讲',
  home_visit: '民情家访',
  livelihood: '帮办民生实事',
  mediation: '调解矛盾纠纷',
  friendship: '结交基层朋友',
  volunteer: '志愿服务',
};
