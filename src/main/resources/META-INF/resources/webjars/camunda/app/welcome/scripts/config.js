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
  // each role sees the pages it works with (scripts/roles.js)
  customScripts: ['scripts/roles.js'],
  links: [
    {label: '登记风险线索', href: '/signal.html', description: '村干部为本村农户登记自主申报或排查发现的风险'},
    {label: '部门数据导入', href: '/imports.html', description: '医保、民政等部门推送数据的导入、筛查预警和进度（部门经办人、县级）'},
    {label: '规则测算', href: '/whatif.html', description: '调整监测收入线或监测范围规则后，各乡镇进入和退出监测范围的户数（流程管理员）'},
    {label: '流程发布与迁移', href: '/models.html', description: '检查并发布修改后的流程、决策表和表单，把运行中的案件迁移到新版本（流程管理员）'},
    {label: '流程和决策表', href: '/viewer.html', description: '查看已发布的各版本、比较两个版本的差异、在浏览器中修改后检查发布（流程管理员）'},
    {label: '案件档案', href: '/case.html', description: '按案件编号、户主姓名或身份证号码查找案件；我发起的案件；一户一档的计划、措施、回访和审批记录'},
    {label: '农户信息', href: '/registry.html', description: '本辖区农户的查找和修改（身份证号脱敏），谁在何时改了什么'},
    {label: '帮扶产业项目', href: '/support-projects.html', description: '帮扶产业和项目的登记、联农带农、“四个一批”年度评估和分类措施、项目资产台账'},
    {label: '增收帮扶台账', href: '/income-support.html', description: '增收重点帮扶对象逐户的收入分析、增收计划、结对帮扶干部、技术指导员、就业和兜底保障，次年收入对比'},
    {label: '消息中心', href: '/messages.html', description: '新待办、退回、到期提醒、督办、抄送和催办；选择同时通过邮件、企业微信群或钉钉群接收'},
    {label: '消息机器人', href: '/robots.html', description: '本县的企业微信群、钉钉群机器人：添加、测试、停用（县级系统管理员）'},
    {label: '督导', href: '/supervision.html', description: '本县逾期和即将到期的待办、案件状态、流程热力图（督导组）'},
    {label: '接口文档', href: '/swagger-ui.html', description: '本系统应用接口（OpenAPI）'}
  ]
};
