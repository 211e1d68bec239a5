// Bangfu's Tasklist configuration. It replaces the webapp's default scripts/config.js (the application's classes
// come before the webjar on the classpath): Chinese is the default language, English stays available for
// browsers set to English.
export default {
  app: {
    name: '任务列表',
    vendor: '帮扶'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // the approver operations tab of every task (退回, 加签, 抄送, 转办, 委派, 催办, 会签意见); the message centre's link
  customScripts: ['scripts/approver-operations.js', 'scripts/messages.js'],
  dateFormat: {
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY年M月D日 HH:mm'
  },
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: '认领当前选中的任务'},
    focusFilter: {key: 'ctrl+shift+f', description: '定位到第一个过滤器'},
    focusList: {key: 'ctrl+alt+l', description: '定位到列表中的第一个任务'},
    focusForm: {key: 'ctrl+alt+f', description: '定位到任务表单的第一个输入框'},
    startProcess: {key: 'ctrl+alt+p', description: '打开发起流程对话框'}
  }
};
