package org.bangfu.casepage;

import static org.bangfu.shared.CaseVariables.CASE_FACT;
import static org.bangfu.shared.CaseVariables.CASE_ID;
import static org.bangfu.shared.CaseVariables.CASE_SUMMARY;
import static org.bangfu.shared.CaseVariables.CASE_TITLE;
import static org.bangfu.incomesupport.IncomeSupport.INCOME_SUPPORT_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bangfu.approval.FormLabels;
import org.bangfu.casepage.CaseBriefs.Brief;
import org.bangfu.engine.SystemQueries;
import org.bangfu.incomesupport.IncomeSupportBriefs;
import org.bangfu.supportindustry.ProjectBriefs;
import org.bangfu.supportindustry.ProjectReviewProcess;
import org.bangfu.measure.MeasureDelivery;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Every task says whose case it is, in stock Tasklist, without the registry's data in the engine (docs/adr/0030): the
 * engine's answers that Tasklist reads are completed on their way out with words read from the case file and the
 * registry at that moment —
 * <ul>
 *   <li>a filter's task list (HAL): {@code caseTitle} (户主 · 乡镇村 · 案件编号) and {@code caseFact} (the measure, or
 *       the risks with the income) among each task's variables, which the standard filters show on the cards;</li>
 *   <li>a task's form variables: {@code caseSummary}, which every form opens with.</li>
 * </ul>
 * Only answers the engine has already authorised are completed (a task the user may not see is not in the list, its
 * form variables answer 403/404), and these names are never variables of the engine: no completion can send them.
 */
public class TaskCards extends OncePerRequestFilter {

  private static final Pattern FILTER_LIST = Pattern.compile(".*/filter/[^/]+/list");
  private static final Pattern FORM_VARIABLES = Pattern.compile(".*/task/([^/]+)/form-variables");
  /** What earlier steps wrote in words, in the order of the procedure (each form's label names it). */
  static final List<String> FINDINGS = List.of("verifyFindings", "verifyReason", "outOfRangeReason", "reviewReason",
      "objectionText", "assetCheckReason", "townshipReason", "countyReason");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CaseBriefs briefs;
  private final IncomeSupportBriefs incomeSupport;
  private final ProjectBriefs projects;
  private final FormLabels labels;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final IdentityService identityService;

  public TaskCards(CaseBriefs briefs, IncomeSupportBriefs incomeSupport, ProjectBriefs projects, FormLabels labels,
      RuntimeService runtimeService, TaskService taskService, IdentityService identityService) {
    this.briefs = briefs;
    this.incomeSupport = incomeSupport;
    this.projects = projects;
    this.labels = labels;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI();
    boolean list = "POST".equals(request.getMethod()) && FILTER_LIST.matcher(path).matches();
    Matcher form = FORM_VARIABLES.matcher(path);
    boolean formVariables = "GET".equals(request.getMethod()) && form.matches();
    if (!list && !formVariables) {
      chain.doFilter(request, response);
      return;
    }
    ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapped);
    byte[] body = wrapped.getContentAsByteArray();
    String type = wrapped.getContentType();
    if (wrapped.getStatus() == 200 && type != null && type.contains("json") && body.length > 0) {
      try {
        JsonNode json = JSON.readTree(body);
        boolean changed = list ? cards(json) : summary(form.group(1), json);
        if (changed) {
          body = JSON.writeValueAsBytes(json);
          wrapped.resetBuffer();
          wrapped.getOutputStream().write(body);
        }
      } catch (IOException | RuntimeException e) {
        logger.warn("task card words not added: " + e.getMessage());
      }
    }
    wrapped.copyBodyToResponse();
  }

  /** Each task of a case in a HAL list gets its title and key fact as variables. */
  private boolean cards(JsonNode json) {
    JsonNode tasks = json.path("_embedded").path("task");
    if (!tasks.isArray() || tasks.isEmpty()) {
      return false;
    }
    List<String> instances = new java.util.ArrayList<>();
    tasks.forEach(t -> instances.add(t.path("processInstanceId").asText(null)));
    instances.removeIf(java.util.Objects::isNull);
    if (instances.isEmpty()) {
      return false;
    }
    Map<String, Map<String, Object>> byInstance = new HashMap<>();
    SystemQueries.run(identityService, () -> runtimeService.createVariableInstanceQuery()
        .variableNameIn(CASE_ID.name(), MeasureDelivery.MEASURE_ID.name(), INCOME_SUPPORT_ID.name(),
            ProjectReviewProcess.REVIEW_ID.name())
        .processInstanceIdIn(instances.toArray(String[]::new)).disableBinaryFetching().list())
        .stream().filter(v -> v.getExecutionId().equals(v.getProcessInstanceId()))
        .forEach((VariableInstance v) -> byInstance.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>())
            .put(v.getName(), v.getValue()));
    boolean changed = false;
    for (JsonNode task : tasks) {
      Map<String, Object> values = byInstance.get(task.path("processInstanceId").asText());
      String[] words = values == null ? null : cardWords(values);
      if (words == null) {
        continue;
      }
      ObjectNode embedded = task.has("_embedded") && task.get("_embedded").isObject()
          ? (ObjectNode) task.get("_embedded") : ((ObjectNode) task).putObject("_embedded");
      ArrayNode variables = embedded.has("variable") && embedded.get("variable").isArray()
          ? (ArrayNode) embedded.get("variable") : embedded.putArray("variable");
      add(variables, task.path("id").asText(), CASE_TITLE.name(), words[0]);
      add(variables, task.path("id").asText(), CASE_FACT.name(), words[1]);
      changed = true;
    }
    return changed;
  }

  /** A task's card title and fact: its case's, or its 增收帮扶 household's; null for a task of neither. */
  private String[] cardWords(Map<String, Object> values) {
    if (values.get(CASE_ID.name()) instanceof Number caseId) {
      Brief brief = briefs.card(caseId.longValue(), values.get(MeasureDelivery.MEASURE_ID.name()) instanceof Number m
          ? m.longValue() : null);
      return new String[] {brief.title(), brief.fact()};
    }
    if (values.get(INCOME_SUPPORT_ID.name()) instanceof Number rowId) {
      IncomeSupportBriefs.Brief brief = incomeSupport.card(rowId.longValue());
      return brief == null ? null : new String[] {brief.title(), brief.fact()};
    }
    if (values.get(ProjectReviewProcess.REVIEW_ID.name()) instanceof Number reviewId) {
      ProjectBriefs.Brief brief = projects.of(reviewId.longValue());
      return brief == null ? null : new String[] {brief.title(), brief.fact()};
    }
    return null;
  }

  private static void add(ArrayNode variables, String taskId, String name, String value) {
    for (int i = variables.size() - 1; i >= 0; i--) {
      if (name.equals(variables.get(i).path("name").asText())) {
        variables.remove(i);
      }
    }
    ObjectNode variable = variables.addObject();
    variable.putObject("_links");
    variable.putNull("_embedded");
    variable.put("name", name);
    variable.put("value", value);
    variable.put("type", "String");
    variable.putObject("valueInfo");
    variable.put("taskId", taskId);
  }

  /** A task's form variables get the case's summary (a task of no case, none). */
  private boolean summary(String taskId, JsonNode json) {
    if (!json.isObject()) {
      return false;
    }
    Map<String, Object> values = SystemQueries.run(identityService, () -> {
      List<String> names = new java.util.ArrayList<>(FINDINGS);
      names.add(CASE_ID.name());
      names.add(MeasureDelivery.MEASURE_ID.name());
      names.add(INCOME_SUPPORT_ID.name());
      names.add(ProjectReviewProcess.REVIEW_ID.name());
      names.add(ProjectReviewProcess.MEASURE_ID.name());
      return taskService.getVariables(taskId, names);
    });
    if (!(values.get(CASE_ID.name()) instanceof Number caseId)) {
      String summary = null;
      if (values.get(INCOME_SUPPORT_ID.name()) instanceof Number rowId) {
        IncomeSupportBriefs.Brief brief = incomeSupport.of(rowId.longValue());
        summary = brief == null ? null : brief.summary();
      } else if (values.get(ProjectReviewProcess.REVIEW_ID.name()) instanceof Number reviewId) {
        ProjectBriefs.Brief brief = projects.of(reviewId.longValue(), values.get(ProjectReviewProcess.MEASURE_ID
            .name()) instanceof Number m ? m.longValue() : null);
        summary = brief == null ? null : brief.summary();
      }
      return summary != null && putSummary(json, summary);
    }
    Map<String, String> findings = new LinkedHashMap<>();
    for (String variable : FINDINGS) {
      if (values.get(variable) instanceof String text && !text.isBlank()) {
        findings.put(labels.label(variable), text);
      }
    }
    Brief brief = briefs.of(caseId.longValue(), values.get(MeasureDelivery.MEASURE_ID.name()) instanceof Number m
        ? m.longValue() : null, findings);
    return putSummary(json, brief.summary());
  }

  private static boolean putSummary(JsonNode json, String summary) {
    ObjectNode variable = ((ObjectNode) json).putObject(CASE_SUMMARY.name());
    variable.put("type", "String");
    variable.put("value", summary);
    variable.putObject("valueInfo");
    return true;
  }
}
