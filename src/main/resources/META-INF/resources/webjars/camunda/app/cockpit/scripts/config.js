// Bangfu's Cockpit configuration (replaces the webapp's default scripts/config.js): Chinese first, English for
// browsers set to English. The webapp's own Cockpit config.js sets nothing else (every option in it is a
// commented-out example), so plugins, metrics, batch operations and bpmn-js keep their defaults.
export default {
  app: {
    name: '监控台',
    vendor: '帮扶'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  dateFormat: {
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY年M月D日 HH:mm'
  }
};
