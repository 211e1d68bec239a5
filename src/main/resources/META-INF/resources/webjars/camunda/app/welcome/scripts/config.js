// Bangfu's Welcome page configuration (replaces the webapp's default scripts/config.js): Chinese first, and the
// links a county's users need.
export default {
  app: {
    name: '欢迎',
    vendor: '帮扶'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  links: [
    {label: '案件档案', href: '/case.html', description: '按案件号查看案件、帮扶措施和办理记录'},
    {label: '接口文档', href: '/swagger-ui.html', description: '本系统应用接口（OpenAPI）'}
  ]
};
