package org.bangfu.casefile;

import java.util.Map;

/**
 * How each decision of the case's audit reads to a cadre (APPROVE → 同意): the steps' decisions and the system's
 * (立案, 在监测范围内…). The one place these words are held: the completion checks use them in their messages, the
 * case page, the task cards' case summary and the printed case file show them.
 */
public final class Decisions {

  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("OPENED", "立案"), Map.entry("ACCEPT", "受理"), Map.entry("CONFIRM", "属实"),
      Map.entry("REJECT", "不予纳入/不通过"), Map.entry("IN_RANGE", "在监测范围内"), Map.entry("OUT_OF_RANGE", "不在监测范围内"),
      Map.entry("PASS", "评议通过"), Map.entry("PUBLISHED", "开始公示"), Map.entry("OBJECTION", "公示异议"),
      Map.entry("CLEAR", "未发现排除情形"), Map.entry("EXCLUDED", "命中排除情形"), Map.entry("APPROVE", "同意"),
      Map.entry("RETURN", "退回"), Map.entry("INCLUDED", "纳入监测"), Map.entry("REJECTED", "不予纳入"),
      Map.entry("STARTED", "已启动"), Map.entry("DECLINE", "按常规程序"), Map.entry("DELIVERED", "已落实"),
      Map.entry("NOT_DELIVERED", "无法落实"), Map.entry("CANCELLED", "已停止"), Map.entry("DRAFTED", "生成草稿"),
      Map.entry("SUBMIT", "提交"), Map.entry("APPROVED", "生效"), Map.entry("ISSUED", "下达"),
      Map.entry("CONTINUE", "继续帮扶"), Map.entry("NEW_RISK", "发现新风险"), Map.entry("PROPOSE_EXIT", "建议风险消除"),
      Map.entry("ELIGIBLE", "满足条件"), Map.entry("NOT_YET", "暂不具备"), Map.entry("TRACKING", "持续跟踪"),
      Map.entry("NOT_PASS", "不通过"), Map.entry("ELIMINATED", "风险消除"), Map.entry("REVISE_PLAN", "调整计划"),
      Map.entry("ROLLED_BACK", "撤销标注"), Map.entry("RELAPSE", "风险再标注"), Map.entry("REVIEW_EXIT", "重新评估风险消除"),
      Map.entry("WITHDRAW", "撤回"), Map.entry("TRANSFER", "转办"), Map.entry("DELEGATE", "委派"),
      Map.entry("CO_SIGN_ADDED", "加签"), Map.entry("CO_SIGN_AGREE", "会签同意"), Map.entry("CO_SIGN_DISAGREE", "会签不同意"),
      Map.entry("CC", "抄送"), Map.entry("URGE", "催办"), Map.entry("MIGRATED", "迁移到新版本流程"),
      Map.entry("EVIDENCE_ADDED", "上传证明材料"),
      Map.entry("SIGNAL", "部门预警"), Map.entry("DEMO", "演示操作"), Map.entry("DRAWN_UP", "增收计划已制定"),
      Map.entry("SCREENED", "已逐户排查"), Map.entry("REVIEWED", "已逐户核查"),
      Map.entry("PROCEED", "继续识别程序"), Map.entry("INCOMES_COMPLETED", "已补录收入"), Map.entry("RECHECK", "重新测算"),
      Map.entry("INCOME_INCOMPLETE", "收入记录不全"), Map.entry("LINE_MISSING", "监测收入线未配置"),
      Map.entry("INCOMES_RECORDED", "登记补录的收入"), Map.entry("NATURAL_EXIT", "风险自然消除"),
      Map.entry("ASSIGNED", "已安排技术指导员"), Map.entry("PUBLIC_POST", "安置公益性岗位"),
      Map.entry("WORKSHOP", "帮扶车间就业"), Map.entry("ENTERPRISE", "企业就业或外出务工"), Map.entry("TRAINING", "参加技能培训"),
      Map.entry("NOT_PLACED", "暂未就业"), Map.entry("DIBAO", "纳入农村低保"), Map.entry("TEKUN", "纳入特困人员救助供养"),
      Map.entry("OTHER_AID", "给予专项救助或临时救助"), Map.entry("NOT_ELIGIBLE", "不符合兜底保障条件"),
      Map.entry("SCORED", "已评估"), Map.entry("CONSOLIDATE", "巩固一批"), Map.entry("UPGRADE", "升级一批"),
      Map.entry("REVITALISE", "盘活一批"), Map.entry("ADJUST", "调整一批"),
      Map.entry("ADJUST_TO_NEW", "同意调整为新产业"), Map.entry("RETIRE", "同意销号退出"), Map.entry("KEEP", "不同意调整"));

  private Decisions() {
  }

  /** The decision in a cadre's words; an unknown code as it is. */
  public static String label(String decision) {
    return decision == null ? "" : LABELS.getOrDefault(decision, decision);
  }

  /** Whether the decision has words of its own (the check that the audit's codes are all known). */
  public static boolean isKnown(String decision) {
    return LABELS.containsKey(decision);
  }
}
