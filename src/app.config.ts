/**
 * Global config: pages, window and the tab bar.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html
 *       https://docs.taro.zone/docs/app-config
 * All five tab pages live in the main package (tab pages must); features that are not on the
 * first screen go into subpackages as they arrive, to keep the main package small.
 */
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/stations/index', 'pages/canteen/index', 'pages/topics/index', 'pages/me/index'],
  window: {
    navigationBarBackgroundColor: '#C4361C',
    navigationBarTextStyle: 'white',
    navigationBarTitleText: '小哥之家',
    backgroundColor: '#F6F3EF',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#4A4A4A',
    selectedColor: '#C4361C',
    backgroundColor: '#FFFFFF',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/stations/index',
        text: '驿站',
        iconPath: 'assets/tabbar/stations.png',
        selectedIconPath: 'assets/tabbar/stations-active.png',
      },
      {
        pagePath: 'pages/canteen/index',
        text: '食堂',
        iconPath: 'assets/tabbar/canteen.png',
        selectedIconPath: 'assets/tabbar/canteen-active.png',
      },
      {
        pagePath: 'pages/topics/index',
        text: '议事',
        iconPath: 'assets/tabbar/topics.png',
        selectedIconPath: 'assets/tabbar/topics-active.png',
      },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tabbar/me.png', selectedIconPath: 'assets/tabbar/me-active.png' },
    ],
  },
  subPackages: [
    // 我的 › profile edit, verification, liaison console, join by invite, privacy, notices, town console (users issue)
    {
      root: 'pkg-me',
      pages: ['profile/index', 'verify/index', 'liaison/index', 'join/index', 'privacy/index', 'notices/index', 'town/index'],
    },
    // 驿站 › detail, report a problem, staff/town console, printable check-in code (stations issue)
    { root: 'pkg-stations', pages: ['detail/index', 'report/index', 'console/index', 'print-code/index', 'edit/index'] },
    // 微阵地 › the group's front page, notices (detail from the share card, post/edit, read figures, all),
    // Q&A (ask, mine, a question, the liaison's queue and saved replies), FAQ, roster, my term, handovers,
    // settings (fronts issue)
    {
      root: 'pkg-front',
      pages: [
        'front/index',
        'notice/index',
        'post/index',
        'figures/index',
        'notices/index',
        'ask/index',
        'mine/index',
        'question/index',
        'queue/index',
        'replies/index',
        'faq/index',
        'roster/index',
        'term/index',
        'handovers/index',
        'settings/index',
      ],
    },
    // 议事 › a topic, raise one, handle one (liaison/town), the work list, reports to review, the town summary, settings,
    // my topics (我的 › 我提的议题) (topics issue)
    {
      root: 'pkg-topics',
      pages: [
        'detail/index',
        'raise/index',
        'manage/index',
        'console/index',
        'moderation/index',
        'summary/index',
        'settings/index',
        'mine/index',
      ],
    },
    // 食堂 › a booking (code, QR, locker), my bookings, the canteen console, plan (menus and slots), a dish, export and ledger,
    // rules, the liaison's no-show pauses (canteen issue)
    {
      root: 'pkg-canteen',
      pages: ['booking/index', 'mine/index', 'console/index', 'plan/index', 'dish/index', 'export/index', 'settings/index', 'pauses/index'],
    },
  ],
  // 驿站 list sorts by the rider's fuzzy location (wx.getFuzzyLocation); refused → town centre.
  // chooseLocation: the town console picks a new station's position on the map; a rider the place of a topic.
  requiredPrivateInfos: ['getFuzzyLocation', 'chooseLocation'],
  permission: { 'scope.userFuzzyLocation': { desc: '用于查找离你最近的红色加油站' } },
  preloadRule: {
    'pages/stations/index': { network: 'all', packages: ['pkg-stations'] },
    // 首页 lists the group's notices and leads to its micro-front
    'pages/index/index': { network: 'all', packages: ['pkg-front'] },
    'pages/topics/index': { network: 'all', packages: ['pkg-topics'] },
    'pages/canteen/index': { network: 'all', packages: ['pkg-canteen'] },
  },
  // The cloud SDK is used on weapp; `lazyCodeLoading` keeps start-up to the components a page uses.
  lazyCodeLoading: 'requiredComponents',
})
