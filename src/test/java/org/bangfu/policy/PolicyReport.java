package org.bangfu.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.bangfu.policy.PolicyCatalogue.Rule;

/** The traceability report in Chinese: rule → model elements and configuration → tests with their last result. */
public final class PolicyReport {

  private PolicyReport() {
  }

  /** Green: at least one element, at least one test, and every test of the rule passed in its last run. */
  static boolean green(PolicyCatalogue catalogue, Map<String, String> results, String ruleId) {
    List<String> tests = catalogue.testsOf(ruleId);
    return !catalogue.elementsOf(ruleId).isEmpty() && !tests.isEmpty()
        && tests.stream().allMatch(t -> "PASSED".equals(results.get(t)));
  }

  public static void write(PolicyCatalogue catalogue, Map<String, String> results, Path file) throws IOException {
    StringBuilder html = new StringBuilder();
    long greenCount = catalogue.rules().keySet().stream().filter(id -> green(catalogue, results, id)).count();
    html.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>政策规则追溯报告 — 帮扶</title>")
        .append("<style>body{font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",sans-serif;margin:24px;color:#222}")
        .append("table{border-collapse:collapse;width:100%;font-size:14px}th,td{border:1px solid #ccc;padding:6px;")
        .append("vertical-align:top;text-align:left}th{background:#f2f2f2}.green{background:#e8f5e9}")
        .append(".red{background:#ffebee}.PASSED{color:#1b5e20}.FAILED{color:#b71c1c;font-weight:bold}")
        .append(".MISSING{color:#b71c1c}ul{margin:0;padding-left:18px}</style></head><body>")
        .append("<h1>政策规则追溯报告</h1><p>每条规则：政策出处和原文、实现它的流程元素、决策表规则和配置项，以及验证它的测试及最近一次运行结果。")
        .append("缺少元素、缺少测试或测试未通过的规则标红。</p><p id=\"summary\">共 ")
        .append(catalogue.rules().size()).append(" 条规则，").append(greenCount).append(" 条全部通过，")
        .append(catalogue.rules().size() - greenCount).append(" 条未通过。生成时间 ")
        .append(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))).append("</p>")
        .append("<table><thead><tr><th>编号</th><th>规则</th><th>出处</th><th>性质</th><th>流程元素、决策规则、配置</th><th>测试（最近结果）</th>")
        .append("</tr></thead><tbody>");
    for (Rule rule : catalogue.rules().values()) {
      boolean green = green(catalogue, results, rule.id());
      html.append("<tr id=\"").append(rule.id()).append("\" class=\"").append(green ? "green" : "red").append("\">")
          .append("<td>").append(rule.id()).append("</td><td><b>").append(esc(rule.title())).append("</b><br>")
          .append(esc(rule.text())).append("</td><td>").append(esc(rule.source())).append("</td><td class=\"kind\">")
          .append(esc(rule.kind())).append(rule.examples() ? "；<b>含示例数值</b>（决策表中标“示例”的数字，使用前按本省标准修改）" : "")
          .append("</td><td>");
      list(html, catalogue.elementsOf(rule.id()), null, "没有流程元素");
      html.append("</td><td>");
      list(html, catalogue.testsOf(rule.id()), results, "没有测试");
      html.append("</td></tr>");
    }
    html.append("</tbody></table></body></html>\n");
    Files.createDirectories(file.getParent());
    Files.writeString(file, html.toString(), StandardCharsets.UTF_8);
  }

  private static void list(StringBuilder html, List<String> items, Map<String, String> results, String none) {
    if (items.isEmpty()) {
      html.append("<span class=\"MISSING\">").append(none).append("</span>");
      return;
    }
    html.append("<ul>");
    for (String item : items) {
      html.append("<li>").append(esc(item));
      if (results != null) {
        String status = results.getOrDefault(item, "NOT_RUN");
        html.append(" <span class=\"").append(status).append("\">")
            .append(switch (status) {
              case "PASSED" -> "✔ 通过";
              case "FAILED" -> "✘ 未通过";
              default -> "未运行";
            }).append("</span>");
      }
      html.append("</li>");
    }
    html.append("</ul>");
  }

  private static String esc(String text) {
    return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
