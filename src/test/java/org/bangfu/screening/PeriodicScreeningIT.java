package org.bangfu.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bangfu.catalogue.Department;
import org.bangfu.demo.DemoData;
import org.bangfu.policy.PolicyRule;
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
 * PeriodicScreeningProcess on MariaDB with the engine clock moved to the start of a quarter: the households the
 * rules name (and only they) are on their township's list, once, even when the timer fires twice; the township
 * starts an identification for one of them; the run held in the fourth quarter (1 October) adds the village's
 * income-plan task. Then the yearly
 * 集中排查 gives the village cadre the whole village's list.
 */
class PeriodicScreeningIT extends MariaDbIntegrationTest {

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TaskService taskService;
  @Autowired
  PeriodicScreeningService screening;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    // the surveys' households' own processes (IncomeSupportIT works them through): not left for other tests' inboxes
    for (var instance : runtimeService.createProcessInstanceQuery().processDefinitionKey("IncomeSupportProcess")
        .processInstanceBusinessKeyLike("ZS-2026-%").list()) {
      runtimeService.deleteProcessInstance(instance.getId(), "test clean-up");
    }
  }

  record Household(long id, String name, String idNumber) {
  }

  /** Three members; per-capita income {@code before} a year until 2025-09, {@code after} from 2025-10 to 2026-09. */
  @SuppressWarnings("unchecked")
  private Household household(String kind, int before, int after, String... unrecorded) {
    Map<String, Object> body = ApiClient.household(DemoData.DONGSHAN, kind, 12000, 0, "FULL", "FULL", "NONE");
    List<Map<String, Object>> incomes = new ArrayList<>();
    for (YearMonth m = YearMonth.of(2024, 10); !m.isAfter(YearMonth.of(2026, 9)); m = m.plusMonths(1)) {
      int perCapita = m.isBefore(YearMonth.of(2025, 10)) ? before : after;
      if (List.of(unrecorded).contains(m.toString())) {
        continue;
      }
      incomes.add(Map.of("period", m.toString(), "netIncome",
          BigDecimal.valueOf(perCapita * 3L).divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP),
          "rigidSpending", 0));
    }
    body.put("incomes", incomes);
    long id = api.createHousehold("cadre_dongshan", body);
    Map<String, Object> head = ((List<Map<String, Object>>) body.get("members")).get(0);
    return new Household(id, (String) body.get("headName"), (String) head.get("idNumber"));
  }

  private static void clockAt(String dateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(dateTime).atZone(ZoneId.systemDefault()).toInstant()));
  }

  private Job startTimer(String processKey) {
    return managementService.createJobQuery().processDefinitionKey(processKey).timers().list().stream()
        .filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow();
  }

  private List<Map<String, Object>> flags(String runKey, String kind) {
    return jdbc.queryForList("SELECT f.household_id, f.list_no, f.reasons, f.outcome, f.case_id, f.township_code "
        + "FROM bf_screening_flag f JOIN bf_screening_run r ON r.id = f.run_id WHERE r.run_key = ? AND f.kind = ?",
        runKey, kind);
  }

  private Map<String, Object> flagOf(List<Map<String, Object>> flags, Household h) {
    return flags.stream().filter(f -> ((Number) f.get("household_id")).longValue() == h.id()).findFirst()
        .orElse(null);
  }

  private Map<String, Object> reviewTask(String user, String activity, String group) {
    List<Map<String, Object>> tasks = api.getList(user, "/engine-rest/task?taskDefinitionKey=" + activity
        + "&candidateGroup=" + group).getBody();
    assertThat(tasks).as("%s sees one %s", user, activity).hasSize(1);
    return tasks.get(0);
  }

  /** The other townships of the run (富民乡, and any a test made) finish their reviews too. */
  private void reviewOtherTownships(Map<String, Object> done) {
    for (var task : taskService.createTaskQuery().processInstanceId((String) done.get("processInstanceId"))
        .taskDefinitionKey(PeriodicScreening.REVIEW_WARNINGS).list()) {
      taskService.claim(task.getId(), "reviewer_other");
      taskService.complete(task.getId(), Map.of("warningDecision", "REVIEWED"));
    }
  }

  @Test
  @PolicyRule({"R25", "R26", "R28"})
  void quarterlyWarningsGoToTheTownshipOnceAndTheRunHeldInTheFourthQuarterStartsIncomeSupport() {
    // the registry: the rules name a, b and e; c grows well; d is an ordinary household
    Household a = household("FORMERLY_POOR", 9000, 8000);     // low and falling
    Household b = household("FORMERLY_POOR", 11800, 12000);   // growing slowly (1.7 %)
    Household c = household("FORMERLY_POOR", 12000, 15000);   // +25 %
    Household d = household("ORDINARY", 6000, 6000);          // low, but neither formerly poor nor monitored
    Household e = household("FORMERLY_POOR", 14000, 15000);   // +7 %, but its worker has worked 3 months this year
    Household g = household("FORMERLY_POOR", 14000, 15000);   // +7 %; its worker lost the job, then found one
    Household h = household("FORMERLY_POOR", 20000, 20000, "2026-06", "2026-07");   // high, two months unknown
    // 人社's push this September: e's head employed for 3 months
    byte[] csv = ImportIT.csv(PushLayouts.of(Department.HRSS), List.of(List.of("RS-PS-" + e.id(), e.idNumber(),
        "成员1", "已就业", "2026-09-15", "3"), List.of("RS-PS-" + g.id() + "-1", g.idNumber(), "成员1", "失业",
        "2026-03-10", "0"), List.of("RS-PS-" + g.id() + "-2", g.idNumber(), "成员1", "已就业", "2026-08-20", "7")));
    var imported = new ImportHelper(api).upload("handler_hrss", Department.HRSS, "hrss.csv", csv);
    assertThat(imported).containsEntry("status", "DONE").containsEntry("rowsError", 0);

    // Q4 2025: the run on 2026-01-01 evaluates 2025 — a is under 10,000 元: warned; no income survey (that is
    // held in the fourth quarter, by the run of 1 October)
    clockAt("2026-01-01T02:00:00");
    managementService.executeJob(startTimer(PeriodicScreening.KEY).getId());
    List<Map<String, Object>> q4 = flags("2025-Q4", "WARNING");
    assertThat(flagOf(q4, a)).isNotNull();
    assertThat((String) flagOf(q4, a).get("reasons")).contains("年人均纯收入低于1万元");
    for (Household quiet : List.of(b, c, d, e, g, h)) {
      assertThat(flagOf(q4, quiet)).as(quiet.name()).isNull();
    }
    Map<String, Object> q4Review = reviewTask("reviewer_heping", PeriodicScreening.REVIEW_WARNINGS,
        "township-" + DemoData.TOWNSHIP_HEPING);
    api.claim("reviewer_heping", (String) q4Review.get("id"));
    assertThat(api.complete("reviewer_heping", (String) q4Review.get("id"), Map.of("warningDecision", "REVIEWED",
        "riskHouseholds", "", "warningNote", "已逐户核实，均已落实增收措施")).getStatusCode().value()).isEqualTo(204);
    reviewOtherTownships(q4Review);
    assertThat(flags("2025-Q4", "PRIORITY")).isEmpty();

    // Q3 2026: the run on 2026-10-01 evaluates 2025-10 to 2026-09 against the 12 months before
    clockAt("2026-10-01T02:00:00");
    managementService.executeJob(startTimer(PeriodicScreening.KEY).getId());
    List<Map<String, Object>> q3 = flags("2026-Q3", "WARNING");
    assertThat((String) flagOf(q3, a).get("reasons")).contains("年人均纯收入低于1万元", "收入不增反降");
    assertThat((String) flagOf(q3, b).get("reasons")).isEqualTo("收入增速低于本地区农村居民收入增速");
    assertThat((String) flagOf(q3, e).get("reasons")).isEqualTo("务工时间未达到6个月");
    assertThat(flagOf(q3, c)).isNull();
    assertThat(flagOf(q3, d)).isNull();
    // g was 失业 in March and has worked 7 months by August: the latest report counts
    assertThat(flagOf(q3, g)).isNull();
    // h's two unrecorded months are not zero income: the village is asked to complete them, no income rule judged
    assertThat((String) flagOf(q3, h).get("reasons")).isEqualTo("近12个月有 2 个月没有收入记录（不按0计算），请补录后核实");
    // nobody twice: every household once on the run's lists, and a second firing in the quarter lists nobody again
    assertThat(jdbc.queryForObject("SELECT COUNT(*) - COUNT(DISTINCT f.household_id) FROM bf_screening_flag f "
        + "JOIN bf_screening_run r ON r.id = f.run_id WHERE r.run_key = '2026-Q3'", Integer.class)).isZero();
    // a read replica's copy of the list is used only where the whole run is there (DONE): while a run is RUNNING
    // where it is read, the list may lack townships, and the primary is read instead (ReadSide)
    Long runId = jdbc.queryForObject("SELECT id FROM bf_screening_run WHERE run_key = '2026-Q3'", Long.class);
    assertThat(screening.listIfComplete(runId, "WARNING", DemoData.TOWNSHIP_HEPING))
        .hasSize(screening.list(runId, "WARNING", DemoData.TOWNSHIP_HEPING).size()).isNotEmpty();
    jdbc.update("UPDATE bf_screening_run SET status = 'RUNNING' WHERE id = ?", runId);
    try {
      assertThat(screening.listIfComplete(runId, "WARNING", DemoData.TOWNSHIP_HEPING)).isNull();
    } finally {
      jdbc.update("UPDATE bf_screening_run SET status = 'DONE' WHERE id = ?", runId);
    }
    long tasksBefore = taskService.createTaskQuery().taskDefinitionKey(PeriodicScreening.REVIEW_WARNINGS).count();
    managementService.executeJob(startTimer(PeriodicScreening.KEY).getId());
    assertThat(flags("2026-Q3", "WARNING")).hasSize(q3.size());
    assertThat(taskService.createTaskQuery().taskDefinitionKey(PeriodicScreening.REVIEW_WARNINGS).count())
        .isEqualTo(tasksBefore);

    // the township starts an identification for a; another township's reviewer does not even see the list
    assertThat(api.getList("reviewer_fumin", "/engine-rest/task?taskDefinitionKey="
        + PeriodicScreening.REVIEW_WARNINGS + "&candidateGroup=township-" + DemoData.TOWNSHIP_HEPING).getBody())
        .isEmpty();
    Map<String, Object> review = reviewTask("reviewer_heping", PeriodicScreening.REVIEW_WARNINGS,
        "township-" + DemoData.TOWNSHIP_HEPING);
    String id = (String) review.get("id");
    // the list is read from the registry for the township's tab, not kept in the task's variables
    Map<String, Object> list = api.get("reviewer_heping", "/api/tasks/" + id + "/screening-list").getBody();
    assertThat(list).containsEntry("kind", "WARNING").containsEntry("title", "季度预警名单");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) list.get("rows");
    assertThat(rows).extracting(r -> r.get("headName")).contains(a.name(), b.name(), e.name())
        .doesNotContain(c.name());
    assertThat(rows).filteredOn(r -> a.name().equals(r.get("headName"))).singleElement()
        .satisfies(r -> assertThat(r.get("listNo")).isEqualTo(flagOf(q3, a).get("list_no")));
    assertThat(api.get("reviewer_fumin", "/api/tasks/" + id + "/screening-list").getStatusCode().value())
        .isEqualTo(404);
    assertThat(api.get("cadre_dongshan", "/api/tasks/" + id + "/screening-list").getStatusCode().value())
        .isEqualTo(404);
    assertThat(taskService.getVariables(id)).doesNotContainKeys("warningList");
    api.claim("reviewer_heping", id);
    ResponseEntity<Map<String, Object>> wrong = api.complete("reviewer_heping", id,
        Map.of("warningDecision", "REVIEWED", "riskHouseholds", "99999"));
    assertThat(wrong.getStatusCode().value()).isEqualTo(400);
    assertThat(wrong.getBody().toString()).contains("名单中没有序号 99999");
    int aNumber = ((Number) flagOf(q3, a).get("list_no")).intValue();
    assertThat(api.complete("reviewer_heping", id, Map.of("warningDecision", "REVIEWED",
        "riskHouseholds", String.valueOf(aNumber), "warningNote", "收入下降，入户核实")).getStatusCode().value())
        .isEqualTo(204);
    Map<String, Object> handled = flagOf(flags("2026-Q3", "WARNING"), a);
    assertThat(handled).containsEntry("outcome", "IDENTIFICATION");
    assertThat(jdbc.queryForMap("SELECT channel, status FROM bf_case WHERE id = ?", handled.get("case_id")))
        .containsEntry("channel", "CADRE_SCREENING").containsEntry("status", "IDENTIFYING");
    assertThat(flagOf(flags("2026-Q3", "WARNING"), b)).containsEntry("outcome", "CHECKED");
    reviewOtherTownships(review);

    // held in the fourth quarter, this run adds the income survey (Guangxi's, borrowed by the demo area as an
    // example): a is a 增收重点帮扶对象, and gets its own IncomeSupportProcess (org.bangfu.incomesupport), started
    // village by village in jobs of their own
    List<Map<String, Object>> priority = flags("2026-Q3", "PRIORITY");
    assertThat(flagOf(priority, a)).isNotNull();
    assertThat(flagOf(priority, b)).isNull();
    var starts = managementService.createJobQuery().activityId(PeriodicScreening.START_INCOME_SUPPORT).list();
    assertThat(starts).isNotEmpty();
    starts.forEach(job -> managementService.executeJob(job.getId()));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_income_support WHERE survey_year = 2026 AND "
        + "household_id = ?", Integer.class, a.id())).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_income_support WHERE household_id = ?", Integer.class,
        b.id())).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("IncomeSupportProcess")
        .processInstanceBusinessKeyLike("ZS-2026-%").count()).isPositive();
    // no name of a listed household in any variable the engine keeps, at run time or in history
    for (Household listed : List.of(a, b, e)) {
      assertThat(jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM ACT_RU_VARIABLE WHERE TEXT_ LIKE ?) + "
          + "(SELECT COUNT(*) FROM ACT_HI_VARINST WHERE TEXT_ LIKE ?) + (SELECT COUNT(*) FROM ACT_HI_DETAIL "
          + "WHERE TEXT_ LIKE ?)", Integer.class, "%" + listed.name() + "%", "%" + listed.name() + "%",
          "%" + listed.name() + "%")).as(listed.name()).isZero();
    }
  }

  /**
   * The server was down on the 1st: an operator starts the quarter's run by hand, once (a second start is refused
   * with the run it would repeat), with their name in the run's record; nobody else may; the quarterly timer keeps
   * its job and schedule. Running the timer's job by hand through the engine REST API (Cockpit's "execute job") ends
   * cleanly in a quarter already run and leaves the next timer with its retries — it once left it with none, so it
   * silently never fired again.
   */
  @Test
  void anOperatorStartsThePeriodsRunOnceAndTheTimerKeepsItsSchedule() {
    clockAt("2027-07-02T09:00:00");
    Job timer = startTimer(PeriodicScreening.KEY);
    Date due = timer.getDuedate();

    assertThat(api.post("approver_county", "/api/periodic-runs", Map.of("kind", "QUARTERLY")).getStatusCode()
        .value()).isEqualTo(403);
    ResponseEntity<Map<String, Object>> bad = api.postAsAdmin("/api/periodic-runs", Map.of("kind", "MONTHLY"));
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    ResponseEntity<Map<String, Object>> started = api.postAsAdmin("/api/periodic-runs", Map.of("kind", "QUARTERLY"));
    assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(201);
    assertThat(started.getBody()).containsEntry("runKey", "2027-Q2").containsEntry("requestedBy", "admin")
        .containsEntry("kindLabel", "季度监测预警").containsEntry("status", "DONE");
    assertThat(jdbc.queryForObject("SELECT requested_by FROM bf_screening_run WHERE run_key = '2027-Q2' "
        + "AND kind = 'QUARTERLY'", String.class)).isEqualTo("admin");
    // the townships have their review tasks from this run
    String instance = (String) started.getBody().get("processInstanceId");
    assertThat(taskService.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(PeriodicScreening.REVIEW_WARNINGS).count()).isPositive();

    ResponseEntity<Map<String, Object>> again = api.postAsAdmin("/api/periodic-runs", Map.of("kind", "QUARTERLY"));
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat((String) again.getBody().get("error")).contains("本期（2027-Q2）的季度监测预警已于", "由 admin 手动启动",
        "不再重复执行");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_screening_run WHERE run_key = '2027-Q2'", Integer.class))
        .isEqualTo(1);

    // the timer is as it was
    Job after = startTimer(PeriodicScreening.KEY);
    assertThat(after.getId()).isEqualTo(timer.getId());
    assertThat(after.getDuedate()).isEqualTo(due);
    assertThat(after.getRetries()).isEqualTo(3);

    // an operator runs the timer's job by hand (Cockpit): the quarter is run already, the job ends cleanly and the
    // next quarter's timer is there with its retries
    long incidents = runtimeService.createIncidentQuery().count();
    assertThat(api.postAsAdmin("/engine-rest/job/" + timer.getId() + "/execute", Map.of()).getStatusCode().value())
        .isEqualTo(204);
    Job next = startTimer(PeriodicScreening.KEY);
    assertThat(next.getRetries()).isEqualTo(3);
    assertThat(next.getExceptionMessage()).isNull();
    assertThat(next.getDuedate()).isAfter(Date.from(LocalDateTime.parse("2027-07-02T09:00:00")
        .atZone(ZoneId.systemDefault()).toInstant()));
    assertThat(runtimeService.createIncidentQuery().count()).isEqualTo(incidents);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_screening_run WHERE run_key = '2027-Q2'", Integer.class))
        .isEqualTo(1);

    // the list of runs, for operators only
    assertThat(api.get("approver_county", "/api/periodic-runs").getStatusCode().value()).isEqualTo(403);
    assertThat(rest.withBasicAuth("admin", "admin").getForEntity("/api/periodic-runs", String.class).getBody())
        .contains("\"runKey\":\"2027-Q2\"", "\"requestedBy\":\"admin\"");
    // the other tests count the townships' review tasks: this run's are withdrawn
    runtimeService.deleteProcessInstance(instance, "test finished");
  }

  @Test
  @PolicyRule("R27")
  void theYearlyScreeningGivesEachVillageCadreTheWholeVillage() {
    Household f = household("ORDINARY", 20000, 21000);
    clockAt("2027-03-01T02:00:00");
    managementService.executeJob(startTimer(PeriodicScreening.CONCENTRATED_KEY).getId());
    int villageHouseholds = jdbc.queryForObject("SELECT COUNT(*) FROM bf_household WHERE village_code = ?",
        Integer.class, DemoData.DONGSHAN);
    List<Map<String, Object>> list = flags("2027", "SCREENING").stream()
        .filter(x -> ((String) x.get("township_code")).equals(DemoData.TOWNSHIP_HEPING)).toList();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_screening_flag x JOIN bf_screening_run r "
        + "ON r.id = x.run_id WHERE r.run_key = '2027' AND x.village_code = ?", Integer.class, DemoData.DONGSHAN))
        .isEqualTo(villageHouseholds);
    assertThat(list).isNotEmpty();
    Map<String, Object> task = reviewTask("cadre_dongshan", PeriodicScreening.CONCENTRATED_SCREENING,
        "village-" + DemoData.DONGSHAN);
    String id = (String) task.get("id");
    Map<String, Object> screeningList = api.get("cadre_dongshan", "/api/tasks/" + id + "/screening-list").getBody();
    assertThat(screeningList).containsEntry("kind", "SCREENING");
    assertThat((List<?>) screeningList.get("rows")).hasSize(villageHouseholds);
    assertThat(screeningList.get("rows").toString()).contains(f.name());
    assertThat(api.get("cadre_xihe", "/api/tasks/" + id + "/screening-list").getStatusCode().value())
        .isEqualTo(404);
    api.claim("cadre_dongshan", id);
    int fNumber = ((Number) flagOf(flags("2027", "SCREENING"), f).get("list_no")).intValue();
    assertThat(api.complete("cadre_dongshan", id, Map.of("screeningDecision", "SCREENED",
        "riskHouseholds", String.valueOf(fNumber), "screeningNote", "全村逐户走访完毕")).getStatusCode().value())
        .isEqualTo(204);
    assertThat(flagOf(flags("2027", "SCREENING"), f)).containsEntry("outcome", "IDENTIFICATION");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_case WHERE household_id = ? AND channel = "
        + "'CADRE_SCREENING'", Integer.class, f.id())).isEqualTo(1);
  }
}
