// Bangfu's Admin configuration (replaces the webapp's default scripts/config.js): Chinese first, English for
// browsers set to English.
export default {
  app: {
    name: '系统管理',
    vendor: '帮扶'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }
};
