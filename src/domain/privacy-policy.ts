import { RETENTION, type RetentionKey } from './retention';

/**
 * The privacy policy (隐私政策) as data: the page renders it, and a test compares it with the code — the fields of
 * the action schemas (`<area>Actions.<action>` in src/domain/*.schema.ts) and the platform APIs the app calls
 * (src/lib) — and fails on any difference. Change what is collected here first.
 */
export interface CollectedItem {
  title: string;
  /** What exactly, in words. */
  data: string;
  /** Where the code collects it: the action schema and its fields. */
  sources: { schema: string; fields: string[] }[];
  why: string;
  /** Who can see it. */
  who: string;
  retention: RetentionKey[];
}

export interface PlatformApiUse {
  /** The mini-program API (wx.<api> / Taro.<api>). */
  api: string;
  title: string;
  when: string;
}

export const POLICY_UPDATED = '2026-12-05';

export const COLLECTED: CollectedItem[] = [
  {
    title: '微信身份',
    data: '微信为本小程序分配的用户标识（OpenID），由微信在您使用时提供，您无需填写',
    sources: [],
    why: '识别您是谁，让您只能看到和修改自己的信息',
    who: '只有系统使用，任何页面都不显示',
    retention: ['profile'],
  },
  {
    title: '在职党员登记信息',
    data: '姓名、手机号、工作单位、所在党支部、特长',
    sources: [{ schema: 'userActions.registerMember', fields: ['name', 'phone', 'workUnitId', 'partyBranch', 'branchId', 'skills'] }],
    why: '确认您是在职党员，便于报到社区和所在单位联系您、确认服务时长',
    who: '您本人；您报到社区的工作人员和所在单位党组织管理员可看到完整手机号；其他人只能看到遮挡后的姓名（如 张*）',
    retention: ['profile'],
  },
  {
    title: '报到和签到时的位置',
    data: '扫码报到、活动签到和签退那一刻的位置和定位精度（只在您点按钮时读取一次，不持续定位）',
    sources: [
      { schema: 'checkinActions.report', fields: ['latitude', 'longitude', 'accuracy'] },
      { schema: 'activityActions.checkIn', fields: ['latitude', 'longitude', 'accuracy'] },
      { schema: 'activityActions.checkOut', fields: ['latitude', 'longitude', 'accuracy'] },
    ],
    why: '核验您是否在社区（活动）范围内；只保存与社区的距离、精度和约 100 米精度的坐标',
    who: '您本人和社区工作人员（只看到距离和是否在范围内）',
    retention: ['location', 'checkin', 'attendance'],
  },
  {
    title: '微心愿',
    data: '心愿标题、描述、照片、受助人姓名和电话；认领后的送达照片和说明；帮助意向',
    sources: [
      { schema: 'wishActions.post', fields: ['title', 'story', 'photos', 'beneficiaryName', 'beneficiaryPhone'] },
      { schema: 'wishActions.deliver', fields: ['photos', 'note'] },
      { schema: 'offerActions.offer', fields: ['ways', 'note'] },
    ],
    why: '发布、认领和送达心愿，并按规定公示办结情况',
    who: '所有人可看到心愿内容和遮挡后的受助人姓名；受助人电话只有认领人（认领后）和工作人员可看到，每次查看都有记录',
    retention: ['wishOpen', 'wishClosed', 'wishDropped', 'claim', 'contactLog'],
  },
  {
    title: '网络问政',
    data: '问题标题、内容、照片、称呼（可不填）；追问和评价',
    sources: [
      { schema: 'qaActions.ask', fields: ['title', 'content', 'photos', 'askerName'] },
      { schema: 'qaActions.followUp', fields: ['content'] },
      { schema: 'qaActions.rate', fields: ['comment'] },
    ],
    why: '把问题交给负责的社区或单位办理并答复您',
    who: '办理的工作人员；选择公开的问题答复后所有人可看到，称呼遮挡显示',
    retention: ['question'],
  },
  {
    title: '志愿服务记录',
    data: '自行申报的服务内容、服务对象、走访对象、听取的意见、解决的问题、时长和证明照片；补录理由和证明',
    sources: [
      { schema: 'serviceLogActions.reportService', fields: ['place', 'beneficiaries', 'content', 'visited', 'heard', 'solved', 'hours', 'evidence'] },
      { schema: 'serviceLogActions.requestCorrection', fields: ['hours', 'reason', 'evidence'] },
    ],
    why: '按《志愿服务记录与证明出具办法》记录服务时长，出具可验证的证明',
    who: '您本人、社区工作人员和所在单位党组织管理员；证明上的姓名遮挡显示',
    retention: ['serviceLog', 'certificate'],
  },
  {
    title: '承诺（先锋创绩）',
    data: '承诺内容、践诺进展和照片',
    sources: [
      { schema: 'pledgeActions.create', fields: ['text'] },
      { schema: 'pledgeActions.addProgress', fields: ['text', 'photos'] },
    ],
    why: '党支部审核承诺并在年底评议',
    who: '您本人和党支部；公开承诺时姓名遮挡显示',
    retention: ['profile'],
  },
  {
    title: '工作人员填写的信息',
    data: '活动联系人、答复问题时附的照片、党建项目进展照片、五星创评自评和升级增星申请的佐证照片',
    sources: [
      { schema: 'activityActions.publishActivity', fields: ['contact'] },
      { schema: 'qaActions.answer', fields: ['photos'] },
      { schema: 'projectActions.addProgress', fields: ['photos'] },
      { schema: 'starActions.selfAssess', fields: ['evidence'] },
      { schema: 'starUpgradeActions.apply', fields: ['evidence'] },
    ],
    why: '让居民和党员知道找谁、看到办理结果、项目推进情况和五星创评的佐证',
    who: '活动和答复的读者；项目照片和五星创评、升级增星的佐证由本组织和上级党组织查看',
    retention: ['question'],
  },
  {
    title: '为防止重复提交和刷屏保存的记录',
    data: '每次提交的编号和每天发布的数量',
    sources: [],
    why: '网络重试时不重复提交；限制每天发布的数量',
    who: '只有系统使用',
    retention: ['requestLog', 'postCounter'],
  },
];

/**
 * Schema fields that look personal but describe no person: a community's or an activity's place, an
 * organisation's name, a search typed by an admin. The test accepts these and nothing else outside COLLECTED.
 */
export const NOT_PERSONAL: { schema: string; fields: string[]; reason: string }[] = [
  { schema: 'userActions.createCommunity', fields: ['name', 'latitude', 'longitude'], reason: '社区的名称和位置' },
  { schema: 'userActions.createUnit', fields: ['name'], reason: '单位名称' },
  { schema: 'userActions.listCommunities', fields: ['latitude', 'longitude'], reason: '只用于按距离排列社区，不保存' },
  { schema: 'checkinActions.setCommunityFence', fields: ['latitude', 'longitude'], reason: '社区的位置和围栏' },
  { schema: 'activityActions.publishActivity', fields: ['latitude', 'longitude'], reason: '活动地点' },
  { schema: 'campaignActions.createCampaign', fields: ['name'], reason: '活动名称' },
  { schema: 'orgActions.add', fields: ['name'], reason: '党组织名称' },
  { schema: 'orgActions.rename', fields: ['name'], reason: '党组织名称' },
];

/** Phone and WeChat capabilities the app uses, and when. */
export const PLATFORM_APIS: PlatformApiUse[] = [
  { api: 'getLocation', title: '位置', when: '只在您点“报到”“签到”“签退”或按距离查找社区时读取一次' },
  { api: 'chooseLocation', title: '地图选点', when: '工作人员在地图上设置社区位置时' },
  { api: 'chooseMedia', title: '相册和相机', when: '您上传心愿、问题、送达或服务证明照片时，只上传您选中的照片' },
  { api: 'scanCode', title: '扫码（相机）', when: '扫社区报到码或活动签到码时' },
  { api: 'makePhoneCall', title: '拨打电话', when: '您点电话号码时由手机拨号，本小程序不读取通话记录' },
  { api: 'requestSubscribeMessage', title: '订阅消息', when: '您同意后，在审核结果、答复、认领提醒等时通知您一次' },
  { api: 'saveImageToPhotosAlbum', title: '保存到相册', when: '您保存证明或报到码图片时' },
  { api: 'showShareImageMenu', title: '分享图片', when: '您分享证明或报到码图片时' },
];

export const YOUR_RIGHTS: { title: string; text: string }[] = [
  { title: '查看', text: '在「我的 → 我的信息」查看本小程序保存的关于您的全部信息，每项都写明保存原因和期限。' },
  { title: '导出', text: '在「我的信息」点“导出我的信息”，得到一份 JSON 文件和一份 Excel 表格（每天一次，文件保存 7 天）。' },
  { title: '更正', text: '在「我的 → 在职党员登记」修改姓名、手机号、单位等；其他记录请联系社区工作人员更正。' },
  {
    title: '注销',
    text: '在「我的信息」底部点“注销账号”，先查看将发生的每一项变化，输入「确认注销」后生效。您的身份和联系方式会被删除；社区按规定必须保存的记录（已确认的服务时长、已销号心愿的公示、已答复的公开问题）保留，但显示为“已注销用户”，无法再与您关联。',
  },
];

export const SHARING = '我们不向任何第三方出售、提供您的个人信息。数据存放在腾讯云开发（CloudBase）的中国境内服务器上，只有具有相应权限的工作人员按各自范围查看。';

/** Every retention period the policy names, in order, for the page's table. */
export const retentionRows = () =>
  (Object.keys(RETENTION) as RetentionKey[]).map((key) => ({ key, label: RETENTION[key].label, period: RETENTION[key].period, why: RETENTION[key].why }));
