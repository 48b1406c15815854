// The persona picker (dev login) is part of local H5 builds only; on weapp the identity is the WeChat user.
const loginPages = process.env.TARO_ENV === 'h5' ? ['pages/login/index'] : [];

export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/wishes/index',
    'pages/qa/index',
    'pages/me/index',
    'pages/member-register/index',
    // Public and shareable: a shared link must open without loading a subpackage first.
    'pages/notice-list/index',
    'pages/notice-detail/index',
    'pages/question-detail/index',
    'pages/question-public/index',
    // 微心愿: detail is shared and opened from subscribe messages; post and mine are one tap from the tab.
    'pages/wish-detail/index',
    'pages/wish-post/index',
    'pages/wish-mine/index',
    // 报到 and service record: the community code opens pages/checkin/index (main package: a scan must not wait for a subpackage).
    'pages/checkin/index',
    'pages/activity-list/index',
    'pages/activity-detail/index',
    'pages/records/index',
    'pages/records/service-form',
    'pages/certificate/index',
    'pages/certificate-verify/index',
    'pages/my-data/index',
    'pages/privacy-policy/index',
    ...loginPages,
  ],
  subPackages: [
    { root: 'packages/staff', pages: ['pages/workbench/index', 'pages/qa-inbox/index', 'pages/qa-handle/index', 'pages/notice-editor/index', 'pages/wish-review/index', 'pages/wish-chase/index', 'pages/wish-campaign/index', 'pages/wish-match/index', 'pages/checkin-hub/index', 'pages/checkin-review/index', 'pages/checkin-settings/index', 'pages/activity-publish/index', 'pages/activity-manage/index', 'pages/activity-code/index', 'pages/service-review/index'] },
    { root: 'packages/admin', pages: ['pages/console/index'] },
    { root: 'packages/ledger', pages: ['pages/unit-members/index', 'pages/unit-activities/index', 'pages/checkin-ledger/index', 'pages/opinions/index', 'pages/my-opinions/index', 'pages/service-ledger/index', 'pages/wish-ledger/index', 'pages/question-ledger/index'] },
    { root: 'packages/stats', pages: ['pages/quarterly/index', 'pages/submissions/index', 'pages/dashboard/index'] },
    { root: 'packages/org', pages: ['pages/my-pledges/index', 'pages/pledge-review/index', 'pages/org-page/index', 'pages/my-orgs/index', 'pages/unit-pledges/index'] },
    { root: 'packages/projects', pages: ['pages/org-projects/index', 'pages/apply/index', 'pages/resubmit/index', 'pages/project-detail/index', 'pages/dispatch/index', 'pages/accept/index', 'pages/public/index'] },
    { root: 'packages/stars', pages: ['pages/assess/index', 'pages/rating/index', 'pages/publicity/index', 'pages/statistics/index', 'pages/reports/index', 'pages/work/index', 'pages/sheet/index', 'pages/upgrade/index', 'pages/upgrades/index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '党员社区服务',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
  },
  tabBar: {
    // #666 on white: 5.7 : 1 (WCAG AA); #999 was 2.8 : 1.
    color: '#666666',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tabbar/home.png', selectedIconPath: 'assets/tabbar/home-active.png' },
      { pagePath: 'pages/wishes/index', text: '微心愿', iconPath: 'assets/tabbar/wishes.png', selectedIconPath: 'assets/tabbar/wishes-active.png' },
      { pagePath: 'pages/qa/index', text: '问政', iconPath: 'assets/tabbar/qa.png', selectedIconPath: 'assets/tabbar/qa-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tabbar/me.png', selectedIconPath: 'assets/tabbar/me-active.png' },
    ],
  },
  // Only the components a page renders are injected at start (WeChat's recommendation for start-up time).
  lazyCodeLoading: 'requiredComponents',
  // Copied from src/sitemap.json by the build (config/index.ts): only public pages may be indexed by WeChat search.
  sitemapLocation: 'sitemap.json',
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: {
    'scope.userLocation': { desc: '用于到社区报到和活动签到时核验您是否在社区范围内' },
  },
});
