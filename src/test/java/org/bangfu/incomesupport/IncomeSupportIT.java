package org.bangfu.incomesupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.catalogue.Department;
import org.bangfu.demo.DemoData;
import org.bangfu.policy.PolicyRule;
import org.bangfu.screening.PeriodicScreening;
import org.bangfu.screening.PushDataset;
import org.bangfu.screening.PushLayouts;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.ImportHelper;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 增收重点帮扶对象 household by household, through the API on MariaDB (seed 001 §26–§30): the survey of 1 October
 * 2025 (the demo area borrows Guangxi's rules as an example) lists the formerly poor under 10,000 元 a head; each gets
 * a ledger row with why its income is low, by kind, and its own process; the village plans with a paired cadre; the
 * county's departments act on the paths — an instructor, a public post, 民政's review of a household short of labour
 * (never skipped, whatever the form says); the ledger is read by region and by department; the next survey compares.
 */
class IncomeSupportIT extends MariaDbIntegrationTest {

  static final YearMonth SURVEY_TO = YearMonth.of(2025, 9);

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TaskService taskService;
  @Autowired
  IncomeSupportService incomeSupport;

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    // the survey listed every low-income formerly poor household the other tests registered too: their processes go
    for (var instance : runtimeService.createProcessInstanceQuery().processDefinitionKey(IncomeSupport.KEY)
        .processInstanceBusinessKeyLike("ZS-2025-%").list()) {
      runtimeService.deleteProcessInstance(instance.getId(), "test clean-up");
    }
  }

  record Household(long id, String name) {
  }

  /** A household registered with 24 months to the survey: {@code months} gives each month's income request. */
  private Household household(String village, String[] labour, java.util.function.Function<YearMonth,
      Map<String, Object>> months) {
    Map<String, Object> body = ApiClient.household(village, "FORMERLY_POOR", 12000, 0, labour);
    List<Map<String, Object>> incomes = new ArrayList<>();
    for (YearMonth m = SURVEY_TO.minusMonths(23); !m.isAfter(SURVEY_TO); m = m.plusMonths(1)) {
      Map<String, Object> income = new HashMap<>(months.apply(m));
      income.put("period", m.toString());
      income.put("rigidSpending", 0);
      incomes.add(income);
    }
    body.put("incomes", incomes);
    return new Household(api.createHousehold(cadreOf(village), body), (String) body.get("headName"));
  }

  private static String cadreOf(String village) {
    return village.equals(DemoData.DONGSHAN) ? "cadre_dongshan" : "cadre_liushu";
  }

  private static Map<String, Object> byKind(int business, int wage, int property, int transfer) {
    return Map.of("businessIncome", business, "wageIncome", wage, "propertyIncome", property, "transferIncome",
        transfer);
  }

  private void runJobs(String activity) {
    List<Job> jobs;
    while (!(jobs = managementService.createJobQuery().activityId(activity).executable().list()).isEmpty()) {
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  private Map<String, Object> row(String user, long householdId, String region) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) api.get(user, "/api/income-support?region="
        + region + "&year=2025&size=200").getBody().get("rows");
    return rows.stream().filter(r -> ((Number) r.get("householdId")).longValue() == householdId).findFirst()
        .orElse(null);
  }

  private String taskOf(long householdId, String activity) {
    String instance = jdbc.queryForObject("SELECT process_instance_id FROM bf_income_support WHERE survey_year = "
        + "2025 AND household_id = ?", String.class, householdId);
    return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(activity).singleResult()
        .getId();
  }

  private static Map<String, Object> plan(boolean industry, boolean employment, boolean social, boolean risk) {
    Map<String, Object> plan = new HashMap<>();
    plan.put("incomeSupportDecision", "DRAWN_UP");
    plan.put("incomeCauses", "务工减少");
    plan.put("incomeSupportPlan", "养牛3头，配偶就近务工，目标人均1.1万元");
    plan.put("pairedCadre", "李明（县农业农村局，党员）");
    plan.put("planIndustry", industry);
    plan.put("planEmployment", employment);
    plan.put("planSocial", social);
    plan.put("identifyRisk", risk);
    return plan;
  }

  @Test
  @PolicyRule({"R26", "R31", "R32", "R33", "R34", "R35"})
  void eachPriorityHouseholdIsAnalysedPlannedAndSupportedByItsCountysDepartments() {
    // p: wages fell (2,000 → 1,500 a month), business steady: 10,000 → 8,000 元 a head
    Household p = household(DemoData.DONGSHAN, new String[] {"FULL", "FULL", "NONE"},
        m -> m.isAfter(SURVEY_TO.minusMonths(12)) ? byKind(300, 1500, 0, 200) : byKind(300, 2000, 0, 200));
    // w: only weak labour, months recorded as one figure
    Household w = household(DemoData.DONGSHAN, new String[] {"WEAK", "NONE"}, m -> Map.of("netIncome", 500));
    // x: another township's village
    Household x = household(DemoData.LIUSHU, new String[] {"FULL"}, m -> Map.of("netIncome", 400));
    assertThat(jdbc.queryForObject("SELECT wage_income FROM bf_income WHERE household_id = ? AND period = ?",
        BigDecimal.class, p.id(), "2025-09")).isEqualByComparingTo("1500");
    assertThat(jdbc.queryForObject("SELECT net_income FROM bf_income WHERE household_id = ? AND period = ?",
        BigDecimal.class, p.id(), "2025-09")).as("the kinds' sum").isEqualByComparingTo("2000");

    // 人社 pushed p's wages of the survey's last three months: 2,000 a month, where the village recorded 1,500
    Map<String, Object> member = jdbc.queryForMap("SELECT name, id_number FROM bf_member WHERE household_id = ? "
        + "ORDER BY id LIMIT 1", p.id());
    List<List<String>> wages = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      wages.add(List.of("RSSR-ZS-" + p.id() + "-" + i, (String) member.get("id_number"), (String) member.get("name"),
          SURVEY_TO.minusMonths(i).toString(), "工资性", "就业帮扶车间工资", "2000"));
    }
    Map<String, Object> pushed = new ImportHelper(api).finished(new ImportHelper(api).post("handler_hrss",
        Department.HRSS, "INCOME", null, "wages.csv", ImportHelper.csv(PushLayouts.of(
            Department.HRSS, PushDataset.INCOME), wages)));
    assertThat(pushed).containsEntry("rowsFlagged", 3).containsEntry("rowsError", 0);

    // the run of 1 October 2025: the quarter's warnings are reviewed, then the survey lists and starts
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2025-10-01T02:00:00").atZone(ZoneId.systemDefault())
        .toInstant()));
    managementService.executeJob(managementService.createJobQuery().processDefinitionKey(PeriodicScreening.KEY)
        .timers().list().stream().filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow().getId());
    String runInstance = jdbc.queryForObject("SELECT process_instance_id FROM bf_screening_run WHERE run_key = "
        + "'2025-Q3'", String.class);
    for (var review : taskService.createTaskQuery().processInstanceId(runInstance)
        .taskDefinitionKey(PeriodicScreening.REVIEW_WARNINGS).list()) {
      taskService.claim(review.getId(), "reviewer_other");
      taskService.complete(review.getId(), Map.of("warningDecision", "REVIEWED"));
    }
    runJobs(PeriodicScreening.START_INCOME_SUPPORT);
    runJobs(IncomeSupport.ANALYSE);

    // the ledger: why, by kind, from the records; the village reads its own, the county all
    Map<String, Object> pRow = row("cadre_dongshan", p.id(), DemoData.DONGSHAN);
    assertThat(pRow).containsEntry("statusLabel", "待制定计划").containsEntry("labourShort", false);
    assertThat((String) pRow.get("analysis")).contains(
        "近12个月（2024-10 至 2025-09）人均纯收入 8,000 元，上一年度 10,000 元，下降 20%",
        "工资性收入下降 25%（人均 8,000 → 6,000 元）",
        "部门推送的收入（近12个月，人均）：工资性收入 2,000 元（人力资源和社会保障局）",
        "3 处登记的收入少于部门推送的金额，请回访核实并更正：2025-07 工资性收入登记 1,500 元，部门推送 2,000 元；",
        "建议的帮扶路径：产业帮扶（有经营性收入）；就业帮扶（有劳动力，工资性收入没有或下降）");
    Map<String, Object> wRow = row("cadre_dongshan", w.id(), DemoData.DONGSHAN);
    assertThat(wRow).containsEntry("labourShort", true);
    assertThat((String) wRow.get("analysis")).contains("近12个月中只有 0 个月按四类", "家庭仅有弱劳动力或半劳动力（1 人）");
    assertThat(row("cadre_dongshan", x.id(), DemoData.DONGSHAN)).isNull();
    assertThat(api.get("cadre_dongshan", "/api/income-support?region=" + DemoData.LIUSHU).getStatusCode().value())
        .isEqualTo(404);
    assertThat(api.get("reviewer_fumin", "/api/income-support?region=" + DemoData.TOWNSHIP_HEPING).getStatusCode()
        .value()).isEqualTo(404);
    assertThat(api.get("reviewer_fumin", "/api/income-support/" + pRow.get("id")).getStatusCode().value())
        .isEqualTo(404);
    assertThat(row("approver_county", x.id(), DemoData.LIUSHU)).isNotNull();
    assertThat(api.get("approver_county", "/api/income-support?region=" + DemoData.COUNTY
        + "&size=200&page=10737419").getStatusCode().value()).as("a page past any offset").isEqualTo(400);
    assertThat(row("handler_agri", p.id(), DemoData.COUNTY)).as("no path chosen yet").isNull();

    // the village's task opens with the analysis and the household, read from the ledger (never a variable)
    String draft = taskOf(p.id(), IncomeSupport.DRAFT_PLAN);
    Map<String, Object> form = api.get("cadre_dongshan", "/engine-rest/task/" + draft + "/form-variables")
        .getBody();
    assertThat(form.get("caseSummary").toString()).contains(p.name(), "和平镇东山村", "2025年收入调查",
        "工资性收入下降 25%").doesNotContainPattern("\\d{17}[\\dX]");
    assertThat(api.get("cadre_liushu", "/engine-rest/task/" + draft + "/form-variables").getStatusCode().value())
        .isNotEqualTo(200);
    api.claim("cadre_dongshan", draft);
    // the paths are the system's to write; a plan without a paired cadre is not a plan
    Map<String, Object> sneaky = plan(true, true, false, false);
    sneaky.put("supportSocial", false);
    assertThat(api.complete("cadre_dongshan", draft, sneaky).getStatusCode().value()).isEqualTo(400);
    Map<String, Object> noCadre = plan(true, true, false, false);
    noCadre.remove("pairedCadre");
    ResponseEntity<Map<String, Object>> refused = api.complete("cadre_dongshan", draft, noCadre);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().toString()).contains("请填写“结对帮扶干部”");
    Map<String, Object> blank = plan(true, true, false, false);
    blank.put("incomeSupportPlan", "   ");
    assertThat(api.complete("cadre_dongshan", draft, blank).getBody().toString()).contains("请填写“增收帮扶计划”");
    // nobody starts a household's support, or writes its paths, through the engine's REST API
    assertThat(api.post("cadre_dongshan", "/engine-rest/process-definition/key/" + IncomeSupport.KEY + "/start",
        Map.of("variables", Map.of("incomeSupportId", Map.of("value", pRow.get("id"))))).getStatusCode().value())
        .isEqualTo(403);
    String instance = jdbc.queryForObject("SELECT process_instance_id FROM bf_income_support WHERE id = ?",
        String.class, ((Number) pRow.get("id")).longValue());
    assertThat(api.as("cadre_dongshan").exchange("/engine-rest/process-instance/" + instance
        + "/variables/supportSocial", org.springframework.http.HttpMethod.PUT, new org.springframework.http
        .HttpEntity<>(Map.of("value", false, "type", "Boolean")), String.class).getStatusCode().value())
        .isEqualTo(403);
    assertThat(api.complete("cadre_dongshan", draft, plan(true, true, false, false)).getStatusCode().value())
        .isEqualTo(204);

    // w: the village ticks no department, says it has a risk: identification starts, and 民政 reviews anyway (§29)
    String wDraft = taskOf(w.id(), IncomeSupport.DRAFT_PLAN);
    api.claim("cadre_dongshan", wDraft);
    assertThat(api.complete("cadre_dongshan", wDraft, plan(false, false, false, true)).getStatusCode().value())
        .isEqualTo(204);
    Map<String, Object> wPlanned = row("cadre_dongshan", w.id(), DemoData.DONGSHAN);
    assertThat(wPlanned).containsEntry("paths", "兜底保障审核").containsEntry("statusLabel", "落实中");
    assertThat(jdbc.queryForMap("SELECT channel, status FROM bf_case WHERE id = ?", wPlanned.get("caseId")))
        .containsEntry("channel", "CADRE_SCREENING").containsEntry("status", "IDENTIFYING");

    // the departments: each reads the rows of its own path, and acts on its task
    assertThat(row("handler_agri", p.id(), DemoData.COUNTY)).containsEntry("paths", "产业帮扶、就业帮扶");
    assertThat(row("handler_agri", w.id(), DemoData.COUNTY)).isNull();
    // a department's region is a code like everyone's, not a pattern
    assertThat(api.get("handler_agri", "/api/income-support?region=" + DemoData.COUNTY + "%25&year=2025")
        .getStatusCode().value()).isEqualTo(400);
    assertThat(api.get("handler_agri", "/api/income-support/" + wPlanned.get("id")).getStatusCode().value())
        .isEqualTo(404);
    assertThat(row("handler_civil", w.id(), DemoData.COUNTY)).isNotNull();
    String instructor = taskOf(p.id(), IncomeSupport.ASSIGN_INSTRUCTOR);
    assertThat(api.claim("handler_hrss", instructor).getStatusCode().value()).as("not 人社's task").isNotEqualTo(204);
    api.claim("handler_agri", instructor);
    assertThat(api.complete("handler_agri", instructor, Map.of("instructorDecision", "ASSIGNED", "instructor",
        "王技术员（县畜牧站）", "industryMeasures", "提供牛犊3头，防疫指导")).getStatusCode().value()).isEqualTo(204);
    String employment = taskOf(p.id(), IncomeSupport.EMPLOYMENT_STEP);
    api.claim("handler_hrss", employment);
    assertThat(api.complete("handler_hrss", employment, Map.of("employmentOutcome", "PUBLIC_POST",
        "employmentNote", "村保洁员，2025年11月起")).getStatusCode().value()).isEqualTo(204);
    String social = taskOf(w.id(), IncomeSupport.REVIEW_SOCIAL);
    api.claim("handler_civil", social);
    assertThat(api.complete("handler_civil", social, Map.of("socialOutcome", "DIBAO", "socialNote",
        "符合农村低保条件，已纳入")).getStatusCode().value()).isEqualTo(204);

    Map<String, Object> pDone = row("approver_county", p.id(), DemoData.DONGSHAN);
    assertThat(pDone).containsEntry("statusLabel", "已落实").containsEntry("instructor", "王技术员（县畜牧站）")
        .containsEntry("employment", "安置公益性岗位").containsEntry("pairedCadre", "李明（县农业农村局，党员）");
    assertThat(row("approver_county", w.id(), DemoData.DONGSHAN)).containsEntry("statusLabel", "已落实")
        .containsEntry("socialSecurity", "纳入农村低保");
    // no name of a listed household in any variable the engine keeps
    assertThat(jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM ACT_RU_VARIABLE WHERE TEXT_ LIKE ?) + (SELECT "
        + "COUNT(*) FROM ACT_HI_VARINST WHERE TEXT_ LIKE ?)", Integer.class, "%" + p.name() + "%",
        "%" + p.name() + "%")).isZero();

    // the next year's survey compares: p's next 12 months (recorded), w's (not recorded: unknown, not zero)
    List<Map<String, Object>> next = new ArrayList<>();
    for (YearMonth m = SURVEY_TO.plusMonths(1); !m.isAfter(SURVEY_TO.plusMonths(12)); m = m.plusMonths(1)) {
      next.add(Map.of("period", m.toString(), "netIncome", 3000, "rigidSpending", 0));
    }
    assertThat(api.post("cadre_dongshan", "/api/households/" + p.id() + "/incomes", next).getStatusCode().value())
        .isEqualTo(200);
    incomeSupport.compare(2025, SURVEY_TO.plusMonths(12));
    assertThat(new BigDecimal(row("approver_county", p.id(), DemoData.DONGSHAN).get("nextYearIncome").toString()))
        .isEqualByComparingTo("12000");
    assertThat(row("approver_county", w.id(), DemoData.DONGSHAN).get("nextYearIncome")).isNull();
  }
}
