package org.bangfu.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.entity.CamundaFormDefinitionManager;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The rules of a step's Camunda Form, enforced on the server when the task is completed: Tasklist checks them in the
 * browser, but the engine REST API takes whatever a client sends. For each field of the deployed form the task uses
 * (latest binding included): a required field that is shown (its {@code conditional.hide} FEEL expression false)
 * must have a value; text within {@code minLength}/{@code maxLength} and matching {@code pattern}; numbers numeric
 * and within {@code min}/{@code max}, with at most the form's {@code decimalDigits}; a checkbox true or false; a radio
 * or select one of its options. The first
 * violation refuses the completion with the field's label in the message (HTTP 400); nothing is written.
 */
final class FormSubmissionCheck {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Parsed forms by form definition id (a deployed version never changes). */
  private static final Map<String, JsonNode> FORMS = new ConcurrentHashMap<>();

  private FormSubmissionCheck() {
  }

  static void check(DelegateTask task) {
    JsonNode form = deployedForm(task);
    if (form == null) {
      return;
    }
    List<JsonNode> fields = new ArrayList<>();
    collect(form.path("components"), fields);
    // the variables as the form's conditions see them, read once and only if a condition is evaluated
    VariableContext[] variables = new VariableContext[1];
    Supplier<VariableContext> context = () -> variables[0] != null ? variables[0]
        : (variables[0] = Variables.fromMap(task.getVariables()).asVariableContext());
    for (JsonNode field : fields) {
      check(task, field, context);
    }
  }

  private static void check(DelegateTask task, JsonNode field, Supplier<VariableContext> variables) {
    String key = field.path("key").asText();
    if (field.path("disabled").asBoolean(false) || field.path("readonly").asBoolean(false)) {
      return; // shown for information, not submitted
    }
    String label = field.path("label").asText(key);
    JsonNode rules = field.path("validate");
    Object value = task.getVariable(key);
    boolean empty = value == null || value instanceof String text && text.isEmpty();
    if (empty) {
      if (rules.path("required").asBoolean(false) && !hidden(field, variables)) {
        throw new InvalidDecisionException(key, "请填写“" + label + "”");
      }
      return;
    }
    value(key, label, value, field);
  }

  /**
   * The submitted values the form's fields would refuse (length, pattern, number, option), before anything is
   * written: a delegated task's {@code resolve} — and {@code submit-form} on it — stores the values without
   * completing, so the completion's check would come too late. Required fields are checked at the completion.
   */
  static void checkValues(JsonNode form, Map<String, Object> submitted) {
    if (form == null) {
      return;
    }
    List<JsonNode> fields = new ArrayList<>();
    collect(form.path("components"), fields);
    for (JsonNode field : fields) {
      String key = field.path("key").asText();
      Object value = submitted.get(key);
      if (field.path("disabled").asBoolean(false) || field.path("readonly").asBoolean(false) || value == null
          || value instanceof String text && text.isEmpty()) {
        continue;
      }
      value(key, field.path("label").asText(key), value, field);
    }
  }

  private static void value(String key, String label, Object value, JsonNode field) {
    JsonNode rules = field.path("validate");
    switch (field.path("type").asText()) {
      case "textfield", "textarea" -> text(key, label, value, rules);
      case "number" -> number(key, label, value, rules, field.path("decimalDigits"));
      case "checkbox" -> {
        if (!(value instanceof Boolean)) {
          throw new InvalidDecisionException(key, "“" + label + "”只能选择是或否");
        }
      }
      case "radio", "select" -> option(key, label, value, field);
      default -> {
        // text, datetime and layout components: nothing to check here
      }
    }
  }

  private static void text(String key, String label, Object value, JsonNode rules) {
    if (!(value instanceof String text)) {
      throw new InvalidDecisionException(key, "“" + label + "”应为文字");
    }
    int length = text.codePointCount(0, text.length());
    if (rules.has("maxLength") && length > rules.get("maxLength").asInt()) {
      throw new InvalidDecisionException(key, "“" + label + "”不能超过" + rules.get("maxLength").asInt() + "个字（现有"
          + length + "个字）");
    }
    if (rules.has("minLength") && length < rules.get("minLength").asInt()) {
      throw new InvalidDecisionException(key, "“" + label + "”至少要写" + rules.get("minLength").asInt() + "个字");
    }
    if (rules.hasNonNull("pattern") && !matches(rules.get("pattern").asText(), text)) {
      throw new InvalidDecisionException(key, "“" + label + "”的格式不正确");
    }
  }

  private static boolean matches(String pattern, String text) {
    try {
      // form-js tests the pattern as a JavaScript RegExp: not anchored unless the pattern says so
      return Pattern.compile(pattern).matcher(text).find();
    } catch (PatternSyntaxException e) {
      return true; // a pattern Java cannot read is the browser's to check
    }
  }

  private static void number(String key, String label, Object value, JsonNode rules, JsonNode decimalDigits) {
    if (!(value instanceof Number number)) {
      throw new InvalidDecisionException(key, "“" + label + "”应为数字");
    }
    BigDecimal decimal;
    try {
      decimal = new BigDecimal(number.toString());
    } catch (NumberFormatException e) {
      throw new InvalidDecisionException(key, "“" + label + "”应为有效的数字");
    }
    if (rules.has("min") && decimal.compareTo(rules.get("min").decimalValue()) < 0) {
      throw new InvalidDecisionException(key, "“" + label + "”不能小于" + rules.get("min").asText());
    }
    if (rules.has("max") && decimal.compareTo(rules.get("max").decimalValue()) > 0) {
      throw new InvalidDecisionException(key, "“" + label + "”不能大于" + rules.get("max").asText());
    }
    // the form's decimal places (0: a whole number), as form-js lets the user type them
    if (decimalDigits.isInt() && decimal.stripTrailingZeros().scale() > decimalDigits.asInt()) {
      throw new InvalidDecisionException(key, decimalDigits.asInt() == 0 ? "“" + label + "”应为整数"
          : "“" + label + "”最多保留" + decimalDigits.asInt() + "位小数");
    }
  }

  private static void option(String key, String label, Object value, JsonNode field) {
    if (!field.path("values").isArray() || field.path("values").isEmpty()) {
      return; // options from a variable (valuesKey): not known here
    }
    for (JsonNode option : field.path("values")) {
      if (option.path("value").asText().equals(value.toString())) {
        return;
      }
    }
    throw new InvalidDecisionException(key, "“" + label + "”的取值“" + value + "”不是表单中的选项");
  }

  /** Whether the form hides the field now ({@code conditional.hide}, a FEEL expression over the variables). */
  private static boolean hidden(JsonNode field, Supplier<VariableContext> variables) {
    String hide = field.path("conditional").path("hide").asText(null);
    if (hide == null || hide.isBlank()) {
      return false;
    }
    String expression = hide.startsWith("=") ? hide.substring(1) : hide;
    try {
      DefaultDmnEngineConfiguration dmn = Context.getProcessEngineConfiguration().getDmnEngineConfiguration();
      FeelEngine feel = dmn == null ? null : dmn.getFeelEngine();
      if (feel == null) {
        return true;
      }
      Object result = feel.evaluateSimpleExpression(expression, variables.get());
      return Boolean.TRUE.equals(result instanceof TypedValue typed ? typed.getValue() : result);
    } catch (RuntimeException e) {
      return true; // cannot tell: the browser decided, the required check is left to it
    }
  }

  /**
   * The Camunda Form the step's {@code camunda:formRef} names, with its binding (latest, deployment or version), read
   * through the engine's managers: null when there is none, without a nested command (whose failure would mark the
   * completion's transaction for rollback).
   */
  static JsonNode deployedForm(DelegateTask task) {
    UserTask step = task.getBpmnModelElementInstance();
    if (step == null || step.getCamundaFormRef() == null || step.getCamundaFormRef().contains("{")) {
      return null;
    }
    String key = step.getCamundaFormRef();
    CommandContext context = Context.getCommandContext();
    CamundaFormDefinitionManager forms = context.getCamundaFormDefinitionManager();
    String binding = step.getCamundaFormRefBinding();
    CamundaFormDefinitionEntity form;
    if ("deployment".equals(binding)) {
      ProcessDefinitionEntity process = context.getProcessDefinitionManager()
          .findLatestDefinitionById(task.getProcessDefinitionId());
      form = process == null ? null : forms.findDefinitionByDeploymentAndKey(process.getDeploymentId(), key);
    } else if ("version".equals(binding) && step.getCamundaFormRefVersion() != null
        && step.getCamundaFormRefVersion().matches("\\d+")) {
      form = forms.findDefinitionByKeyVersionAndTenantId(key, Integer.valueOf(step.getCamundaFormRefVersion()),
          task.getTenantId());
    } else {
      form = task.getTenantId() == null ? forms.findLatestDefinitionByKey(key)
          : forms.findLatestDefinitionByKeyAndTenantId(key, task.getTenantId());
    }
    if (form == null) {
      return null;
    }
    return FORMS.computeIfAbsent(form.getId(), id -> {
      ResourceEntity resource = context.getResourceManager()
          .findResourceByDeploymentIdAndResourceName(form.getDeploymentId(), form.getResourceName());
      try {
        return resource == null ? JSON.createObjectNode() : JSON.readTree(resource.getBytes());
      } catch (IOException e) {
        return JSON.createObjectNode();
      }
    });
  }

  static void collect(JsonNode components, List<JsonNode> fields) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        fields.add(component);
      }
      collect(component.path("components"), fields);
    }
  }
}
