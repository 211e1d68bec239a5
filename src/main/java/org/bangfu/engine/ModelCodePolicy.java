package org.bangfu.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bangfu.shared.XmlDocuments;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Text;

/**
 * What a model may contain so that deploying or evaluating it cannot run code on the server (docs/adr/0006): one
 * set of rules for the model lint, the engine's deployments (every path: our API, the engine REST API,
 * Camunda Modeler) and the what-if over a draft decision table.
 *
 * <ul>
 *   <li>BPMN expressions ({@code ${…}}, {@code #{…}}) may reference a step bean or a variable, read a variable's
 *       property or one of {@link #EXECUTION_PROPERTIES} of {@code execution}/{@code task}, compare and combine, and
 *       call only the {@link #FUNCTIONS} the application offers models — nothing else (no bracket access, no other
 *       method, no bean's property);</li>
 *   <li>no {@code camunda:class}, scripts, script tasks, connectors or variable-mapping classes; no embedded HTML
 *       forms ({@code camunda:formKey}), web pages or scripts as resources, no iframe in a Camunda Form — those run
 *       in the approvers' browsers;</li>
 *   <li>a form may not let users edit a variable the application's steps write ({@link #SYSTEM_VARIABLES});</li>
 *   <li>decision tables in FEEL only: no {@code expressionLanguage} other than FEEL, no {@code ${…}} in their
 *       entries (the legacy DMN engine reads those as JUEL), no FEEL {@code external} functions;</li>
 *   <li>no CMMN (the application has none).</li>
 * </ul>
 */
public final class ModelCodePolicy {

  /** The methods a model may call, by bean (and {@code execution}): each a read of configuration or case data. */
  public static final Map<String, Set<String>> FUNCTIONS = Map.of(
      "sla", Set.of("due"),
      "periodicScreening", Set.of("villages", "townships", "fourthQuarter"),
      "measureService", Set.of("dueDate", "department", "deliverableIds", "code"),
      "lifecycle", Set.of("visitCycle", "trackingCycle", "exitNoticeDuration"),
      "supportProjects", Set.of("measureIds"),
      "execution", Set.of("getVariable"));

  /**
   * Variables only the application's steps write: they route the case (region codes), reference it (case,
   * household, measure), or record what the rules computed and who decided. A form may show them (disabled), never
   * let a user edit them.
   */
  public static final Set<String> SYSTEM_VARIABLES = Set.of("caseId", "householdId", "villageCode",
      "townshipCode", "countyCode", "channel", "riskTypes", "riskTypeLabels", "identificationDeadline",
      "noticeDuration", "greenChannelRequested", "greenChannelStarted", "eligible", "householdType",
      "eligibilityReason", "perCapitaIncome", "adjustedPerCapitaIncome", "incomeThreshold", "decidedBy",
      "rejectReason", "rejectedBy", "rejectedStep", "identificationOutcome", "returnNote", "changesSinceReturn",
      "lineSource", "assessmentProblem", "reassessReason", "runId", "runKey", "requestedBy", "incomeSupportId",
      "supportIndustry", "supportEmployment", "supportSocial", "projectReviewId", "projectMeasureId",
      "measureDepartment", "measureDueDate", "adjustmentNoticeDuration",
      "adjustmentObjection");

  /** What a model may read of {@code execution} or {@code task} besides its variables. */
  public static final Set<String> EXECUTION_PROPERTIES = Set.of("processBusinessKey", "businessKey",
      "processInstanceId", "id", "currentActivityId", "activityInstanceId", "eventName", "tenantId");

  /** The engine's own EL functions: dates and the signed-in user, nothing that reaches further. */
  private static final Set<String> EL_FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");
  private static final Pattern FEEL_EXTERNAL = Pattern.compile("\\bexternal\\b");
  private static final Set<String> FEEL_LANGUAGES = Set.of("feel", "feel-scala",
      "http://www.omg.org/spec/feel/20140401", "https://www.omg.org/spec/dmn/20191111/feel/",
      "https://www.omg.org/spec/dmn/20191111/feel");

  private static final String WHY = "（模型中不能运行代码：只能引用步骤 ${步骤Bean}、读取流程变量，或调用系统提供的函数 "
      + "sla.due、measureService.dueDate 等）";

  /** A rule broken: where (element id or attribute) and what to do, in a process owner's words. */
  public record Violation(String element, String message) {
  }

  private ModelCodePolicy() {
  }

  /** What is wrong with an expression text ({@code village-${villageCode}}); empty when it is allowed. */
  public static List<String> checkExpression(String text) {
    List<String> problems = new ArrayList<>();
    if (text == null || !EXPRESSION.matcher(text).find()) {
      return problems;
    }
    Node root;
    try {
      root = (Node) new Builder(Builder.Feature.METHOD_INVOCATIONS).build(text).getRoot();
    } catch (TreeBuilderException e) {
      problems.add("表达式 " + text + " 无法解析：" + e.getMessage());
      return problems;
    }
    walk(root, text, problems);
    return problems;
  }

  private static void walk(Node node, String text, List<String> problems) {
    if (node instanceof AstMethod) {
      Node target = node.getChild(0);
      String base = target instanceof AstDot dot && dot.getChild(0) instanceof AstIdentifier id ? id.getName() : null;
      String method = target instanceof AstDot dot ? property(dot) : null;
      if (base == null || !FUNCTIONS.getOrDefault(base, Set.of()).contains(method)) {
        problems.add("表达式 " + text + " 调用了不允许的方法 " + (base == null ? "" : base + ".") + method + WHY);
        return;
      }
      walk(node.getChild(1), text, problems);
      return;
    }
    if (node instanceof AstDot dot) {
      Node prefix = dot.getChild(0);
      String property = property(dot);
      if (!(prefix instanceof AstIdentifier id)) {
        problems.add("表达式 " + text + " 逐级读取了属性 ." + property + WHY);
      } else if (id.getName().equals("execution") || id.getName().equals("task")) {
        if (!EXECUTION_PROPERTIES.contains(property)) {
          problems.add("表达式 " + text + " 读取了 " + id.getName() + "." + property + "，只允许 "
              + String.join("、", new java.util.TreeSet<>(EXECUTION_PROPERTIES)) + WHY);
        }
      } else if (FUNCTIONS.containsKey(id.getName())) {
        problems.add("表达式 " + text + " 读取了 " + id.getName() + "." + property + "，只能调用它的函数" + WHY);
      }
      return;
    }
    if (node instanceof AstFunction function && !EL_FUNCTIONS.contains(function.getName())) {
      problems.add("表达式 " + text + " 调用了不允许的函数 " + function.getName() + WHY);
      return;
    }
    boolean allowed = node instanceof AstEval || node instanceof AstComposite || node instanceof AstText
        || node instanceof AstNested || node instanceof AstString || node instanceof AstNumber
        || node instanceof AstBoolean || node instanceof AstNull || node instanceof AstBinary
        || node instanceof AstUnary || node instanceof AstChoice || node instanceof AstParameters
        || node instanceof AstIdentifier || node instanceof AstFunction;
    if (!allowed) {
      problems.add("表达式 " + text + " 用了不允许的写法（" + node + "）" + WHY);
      return;
    }
    for (int i = 0; i < node.getCardinality(); i++) {
      walk(node.getChild(i), text, problems);
    }
  }

  private static String property(AstDot dot) {
    String shown = dot.toString(); // ". name"
    return shown.startsWith(". ") ? shown.substring(2) : shown;
  }

  /** Checks a model file by its name (.bpmn, .dmn, .cmmn; anything else has no code to check). */
  public static List<Violation> check(String resourceName, byte[] content) {
    String name = resourceName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".cmmn") || name.endsWith(".cmmn11.xml") || name.endsWith(".cmmn10.xml")) {
      return List.of(new Violation(null, "系统不使用 CMMN 案例模型，请勿部署 .cmmn 文件"));
    }
    if (name.endsWith(".form")) {
      return checkForm(content);
    }
    if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".js")) {
      return List.of(new Violation(null, "不能部署网页或脚本文件（" + resourceName + "）：它们会在审批人员的浏览器中运行，"
          + "表单请使用 Camunda Form（.form）"));
    }
    boolean bpmn = name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
    boolean dmn = name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
    if (!bpmn && !dmn) {
      return List.of();
    }
    Document document;
    try {
      document = XmlDocuments.parse(content);
    } catch (Exception e) {
      return List.of(); // not readable: the lint and the engine's parser report that themselves
    }
    List<Violation> violations = new ArrayList<>();
    if (bpmn) {
      checkBpmn(document.getDocumentElement(), violations);
    } else {
      checkDmn(document.getDocumentElement(), violations);
    }
    return violations;
  }

  private static void checkBpmn(Element element, List<Violation> violations) {
    String id = nearestId(element);
    String local = element.getLocalName();
    if ("scriptTask".equals(local) || "script".equals(local)) {
      violations.add(new Violation(id, "流程中不能写脚本（" + local + "），请改为服务任务，由开发人员提供步骤类"));
      return; // one finding for the script, whatever it holds
    }
    if (CAMUNDA.equals(element.getNamespaceURI()) && "connector".equals(local)) {
      violations.add(new Violation(id, "流程中不能使用连接器（camunda:connector），请改为服务任务的步骤"));
      return;
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      if (CAMUNDA.equals(attribute.getNamespaceURI()) && "formKey".equals(name)) {
        violations.add(new Violation(id, "不允许 camunda:formKey=\"" + attribute.getValue() + "\"：嵌入式表单会在审批人员"
            + "的浏览器中运行脚本，请使用 Camunda Form（camunda:formRef）"));
      } else if (CAMUNDA.equals(attribute.getNamespaceURI())
          && Set.of("class", "variableMappingClass", "resource", "scriptFormat").contains(name)) {
        violations.add(new Violation(id, "不允许 camunda:" + name + "=\"" + attribute.getValue()
            + "\"：模型不能指定 Java 类或脚本，请改用 ${步骤Bean}"));
      } else if ("scriptFormat".equals(name) || "language".equals(name) && !attribute.getValue().isBlank()) {
        violations.add(new Violation(id, "流程中不能写脚本（" + name + "=\"" + attribute.getValue() + "\"）"));
      } else {
        checkText(id, attribute.getValue(), violations);
      }
    }
    for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element nested) {
        checkBpmn(nested, violations);
      } else if (child instanceof Text text) {
        checkText(id, text.getData(), violations);
      }
    }
  }

  /** A form lets users edit no variable the application's steps write. */
  private static List<Violation> checkForm(byte[] content) {
    List<Violation> violations = new ArrayList<>();
    try {
      checkFormFields(new com.fasterxml.jackson.databind.ObjectMapper().readTree(content).path("components"),
          violations);
    } catch (java.io.IOException e) {
      return violations; // not JSON: the lint reports it
    }
    return violations;
  }

  private static void checkFormFields(com.fasterxml.jackson.databind.JsonNode components, List<Violation> found) {
    for (com.fasterxml.jackson.databind.JsonNode field : components) {
      String key = field.path("key").asText("");
      if ("iframe".equals(field.path("type").asText())) {
        found.add(new Violation(field.path("id").asText(null), "表单中不能嵌入外部网页（iframe）"));
      }
      if (SYSTEM_VARIABLES.contains(key) && !field.path("disabled").asBoolean(false)) {
        found.add(new Violation(field.path("id").asText(key), "表单字段“" + field.path("label").asText(key) + "”（" + key
            + "）是系统步骤写入的变量（区划、引用、规则计算的结果或决定），不能由用户填写；如需显示，请设为禁用（disabled）"));
      }
      checkFormFields(field.path("components"), found);
    }
  }

  private static void checkText(String id, String text, List<Violation> violations) {
    for (String problem : checkExpression(text)) {
      violations.add(new Violation(id, problem));
    }
  }

  private static void checkDmn(Element element, List<Violation> violations) {
    String id = nearestId(element);
    String language = element.getAttribute("expressionLanguage");
    if (!language.isBlank() && !FEEL_LANGUAGES.contains(language.trim().toLowerCase(Locale.ROOT))) {
      violations.add(new Violation(id, "决策表只能用 FEEL 表达式，不能用 " + language
          + "（请删除 expressionLanguage 属性，或改为 feel）"));
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      if (EXPRESSION.matcher(attribute.getValue()).find()) {
        violations.add(new Violation(id, "决策表中不能写 ${…} 表达式（" + attribute.getValue() + "），请用 FEEL"));
      }
    }
    for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element nested) {
        checkDmn(nested, violations);
      } else if (child instanceof Text text) {
        String data = text.getData();
        if (EXPRESSION.matcher(data).find()) {
          violations.add(new Violation(id, "决策表中不能写 ${…} 表达式（" + data.strip() + "），请用 FEEL"));
        }
        Matcher external = FEEL_EXTERNAL.matcher(data);
        if (external.find() && data.contains("function")) {
          violations.add(new Violation(id, "决策表中不能定义调用 Java 的外部函数（function … external）"));
        }
      }
    }
  }

  private static String nearestId(Element element) {
    for (org.w3c.dom.Node node = element; node instanceof Element e; node = node.getParentNode()) {
      if (!e.getAttribute("id").isBlank()) {
        return e.getAttribute("id");
      }
    }
    return null;
  }

  /** The violations as one message for an exception (deployment refused). */
  public static String describe(String resourceName, List<Violation> violations) {
    StringBuilder message = new StringBuilder("模型 " + resourceName + " 含有不允许的内容，未部署：");
    for (Violation violation : violations) {
      message.append("\n- ").append(violation.element() == null ? "" : violation.element() + "：")
          .append(violation.message());
    }
    return message.toString();
  }
}
