package org.bangfu.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bangfu.shared.XmlDocuments;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The model rules (issue "process owners"), checked before anything is deployed and by the build: each finding reads
 * as guidance for a process owner ("用户任务 X 没有表单"). One set of rules for the Modeler's files, the browser's
 * deploy and the test run.
 */
public final class ModelLint {

  /** A rule broken in a file, with the element and what to do. */
  public record Finding(String file, String element, String message) {

    @Override
    public String toString() {
      return file + (element == null ? "" : " / " + element) + "：" + message;
    }
  }

  /** What the application offers the models: variables, configured steps, step classes, decision inputs. */
  public record Context(Set<String> variables, Set<String> slaSteps, Predicate<String> isStepBean,
      Map<String, Set<String>> decisionInputs) {
  }

  /** Ids the Modeler generates (Activity_0x1y2z3): meaningless to the code and the reports that reference them. */
  private static final Pattern GENERATED_ID = Pattern.compile(".*_[0-9][0-9a-z]{5,7}|[A-Za-z]+_?\\d+");
  private static final Pattern SLA_DUE = Pattern.compile("\\$\\{sla\\.due\\(execution, '([a-zA-Z]+)'\\)}");
  private static final Pattern DELEGATE = Pattern.compile("\\$\\{([a-zA-Z]+)}");
  private static final Pattern EXPRESSION_NAMES = Pattern.compile("\\$\\{([a-zA-Z]+)");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> FEEL_WORDS = Set.of("true", "false", "null", "and", "or", "not", "if", "then",
      "else", "in", "between", "instance", "of", "date", "time", "duration");

  private final Context context;

  public ModelLint(Context context) {
    this.context = context;
  }

  /** Checks every model and form of a deployment set (name → content: processes/X.bpmn, forms/Y.form). */
  public List<Finding> check(Map<String, byte[]> resources) {
    List<Finding> findings = new ArrayList<>();
    Map<String, JsonNode> forms = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    resources.forEach((name, bytes) -> {
      if (name.endsWith(".form")) {
        try {
          JsonNode form = json.readTree(bytes);
          forms.put(form.path("id").asText(), form);
        } catch (Exception e) {
          findings.add(new Finding(name, null, "表单文件不是有效的 JSON：" + e.getMessage()));
        }
      }
    });
    // code in models (docs/adr/0006): the same rules the engine applies to every deployment
    resources.forEach((name, bytes) -> org.bangfu.engine.ModelCodePolicy.check(name, bytes)
        .forEach(v -> findings.add(new Finding(name, v.element(), v.message()))));
    resources.forEach((name, bytes) -> {
      if (name.endsWith(".bpmn")) {
        checkBpmn(name, bytes, forms, findings);
      } else if (name.endsWith(".dmn")) {
        checkDmn(name, bytes, findings);
      }
    });
    return findings;
  }

  private void checkBpmn(String file, byte[] bytes, Map<String, JsonNode> forms, List<Finding> findings) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
    } catch (RuntimeException e) {
      findings.add(new Finding(file, null, "流程文件无法读取（不是有效的 BPMN 2.0）：" + e.getMessage()));
      return;
    }
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.getCamundaHistoryTimeToLiveString() == null || process.getCamundaHistoryTimeToLiveString().isBlank()) {
        findings.add(new Finding(file, process.getId(), "流程“" + name(process.getName(), process.getId())
            + "”没有设置历史保留期（historyTimeToLive），请在流程属性中填写，例如 P3650D"));
      }
    }
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      if (!(element instanceof SequenceFlow) && GENERATED_ID.matcher(element.getId()).matches()) {
        findings.add(new Finding(file, element.getId(), "元素“" + name(element.getName(), element.getId())
            + "”的编号是自动生成的，请改为有含义的编号（例如 Activity_VerifyHousehold），代码、报表和迁移都按编号引用元素"));
      }
    }
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      if (task.getCamundaClass() != null) {
        continue; // reported by ModelCodePolicy (camunda:class)
      }
      String expression = task.getCamundaDelegateExpression();
      Matcher bean = expression == null ? null : DELEGATE.matcher(expression);
      if (bean == null || !bean.matches()) {
        findings.add(new Finding(file, task.getId(), "服务任务“" + name(task.getName(), task.getId())
            + "”没有指定步骤（delegate expression 应为 ${步骤Bean}）"));
      } else if (!context.isStepBean().test(bean.group(1))) {
        findings.add(new Finding(file, task.getId(), "服务任务“" + name(task.getName(), task.getId()) + "”引用的步骤 "
            + bean.group(1) + " 不存在，请联系开发人员，或选用已有的步骤"));
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String label = "用户任务“" + name(task.getName(), task.getId()) + "”";
      String formRef = task.getCamundaFormRef();
      if (formRef == null || formRef.isBlank()) {
        findings.add(new Finding(file, task.getId(), label + "没有表单，请在“表单”中选择 Camunda Form 的编号"));
      } else if (!forms.containsKey(formRef)) {
        findings.add(new Finding(file, task.getId(), label + "的表单 " + formRef + " 不存在，请先上传该表单"));
      }
      String groups = task.getCamundaCandidateGroups();
      if (groups == null || groups.isBlank()) {
        findings.add(new Finding(file, task.getId(), label + "没有候选组，请按区划填写，例如 village-${villageCode}"));
      } else {
        Matcher names = EXPRESSION_NAMES.matcher(groups);
        while (names.find()) {
          if (!context.variables().contains(names.group(1))) {
            findings.add(new Finding(file, task.getId(), label + "的候选组用到了未知变量 " + names.group(1)));
          }
        }
      }
      String due = task.getCamundaDueDate();
      Matcher sla = due == null ? null : SLA_DUE.matcher(due);
      if (sla == null || !sla.matches()) {
        findings.add(new Finding(file, task.getId(), label + "的到期时间应为 ${sla.due(execution, '步骤')}，"
            + "时限在配置 bangfu.sla.days 中设置"));
      } else if (!context.slaSteps().contains(sla.group(1))) {
        findings.add(new Finding(file, task.getId(), label + "的步骤 '" + sla.group(1)
            + "' 没有配置时限，请在 bangfu.sla.days." + sla.group(1) + " 中设置天数"));
      }
      checkApproverOperations(file, model, task, label, findings);
    }
  }

  /**
   * The approver operations a step allows: 退回 targets must be other steps of the same level of the process (not
   * inside another subprocess), the switches true or false, batch approval only with a decision variable.
   */
  private static void checkApproverOperations(String file, BpmnModelInstance model, UserTask task, String label,
      List<Finding> findings) {
    for (String target : org.bangfu.shared.ModelProperties.list(
        org.bangfu.shared.ModelProperties.of(task, "returnTargets"))) {
      ModelElementInstance element = model.getModelElementById(target);
      if (!(element instanceof org.camunda.bpm.model.bpmn.instance.Activity) || target.equals(task.getId())) {
        findings.add(new Finding(file, task.getId(), label + "的退回环节 " + target + " 不是本流程中的其他环节"));
      } else if (element.getParentElement() != task.getParentElement()) {
        findings.add(new Finding(file, task.getId(), label + "的退回环节 " + target
            + " 与本环节不在同一层级（子流程内外不能互相退回），请改为退回到包含它的子流程"));
      }
    }
    for (String flag : List.of("withdrawable", "coSign", "batchApproval")) {
      String value = org.bangfu.shared.ModelProperties.of(task, flag);
      if (value != null && !value.equals("true") && !value.equals("false")) {
        findings.add(new Finding(file, task.getId(), label + "的属性 " + flag + " 只能是 true 或 false"));
      }
    }
    String list = org.bangfu.shared.ModelProperties.of(task, "screeningList");
    if (list != null && !List.of("WARNING", "PRIORITY", "SCREENING").contains(list)) {
      findings.add(new Finding(file, task.getId(), label + "的属性 screeningList 只能是 WARNING（季度预警名单）、"
          + "PRIORITY（增收重点帮扶对象）或 SCREENING（集中排查名单）"));
    }
    if ("true".equals(org.bangfu.shared.ModelProperties.of(task, "batchApproval"))
        && org.bangfu.shared.ModelProperties.of(task, "decisionVariable") == null) {
      findings.add(new Finding(file, task.getId(), label + "允许批量审批，但没有办理意见变量（decisionVariable）"));
    }
  }

  private void checkDmn(String file, byte[] bytes, List<Finding> findings) {
    Document document;
    try {
      document = XmlDocuments.parse(bytes);
    } catch (Exception e) {
      findings.add(new Finding(file, null, "决策表文件无法读取（不是有效的 DMN）：" + e.getMessage()));
      return;
    }
    NodeList decisions = document.getElementsByTagNameNS("*", "decision");
    Map<String, Set<String>> outputs = new HashMap<>();
    for (int i = 0; i < decisions.getLength(); i++) {
      Element decision = (Element) decisions.item(i);
      Set<String> names = new HashSet<>();
      NodeList out = decision.getElementsByTagNameNS("*", "output");
      for (int j = 0; j < out.getLength(); j++) {
        names.add(((Element) out.item(j)).getAttribute("name"));
      }
      outputs.put(decision.getAttribute("id"), names);
    }
    for (int i = 0; i < decisions.getLength(); i++) {
      Element decision = (Element) decisions.item(i);
      String id = decision.getAttribute("id");
      String label = "决策“" + name(decision.getAttribute("name"), id) + "”";
      String ttl = decision.getAttributeNS("http://camunda.org/schema/1.0/dmn", "historyTimeToLive");
      if (ttl == null || ttl.isBlank()) {
        findings.add(new Finding(file, id, label + "没有设置历史保留期（historyTimeToLive）"));
      }
      Set<String> supplied = context.decisionInputs().get(id);
      if (supplied == null) {
        findings.add(new Finding(file, id, label + "不是系统已知的决策，代码不会提供它的输入；新增决策请联系开发人员"));
        continue;
      }
      Set<String> known = new HashSet<>(supplied);
      NodeList required = decision.getElementsByTagNameNS("*", "requiredDecision");
      for (int j = 0; j < required.getLength(); j++) {
        known.addAll(outputs.getOrDefault(((Element) required.item(j)).getAttribute("href").replace("#", ""),
            Set.of()));
      }
      NodeList inputs = decision.getElementsByTagNameNS("*", "inputExpression");
      for (int j = 0; j < inputs.getLength(); j++) {
        Element input = (Element) inputs.item(j);
        String text = input.getTextContent().replaceAll("\"[^\"]*\"", " ");
        Matcher names = IDENTIFIER.matcher(text);
        while (names.find()) {
          String variable = names.group();
          if (!known.contains(variable) && !FEEL_WORDS.contains(variable)) {
            String inputLabel = ((Element) input.getParentNode()).getAttribute("label");
            findings.add(new Finding(file, id, label + "的输入“" + inputLabel + "”用到了变量 " + variable
                + "，系统不提供这个变量；可用的变量有：" + String.join("、", new java.util.TreeSet<>(known))));
          }
        }
      }
    }
  }

  private static String name(String name, String id) {
    return name == null || name.isBlank() ? id : name;
  }
}
