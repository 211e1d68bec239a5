package org.bangfu.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * The supervision dashboard's figures against counts made independently from the engine's task query (the demo
 * county has overdue cases from its seed data); supervisors of another county, and cadres, are refused; the overdue
 * list exports as CSV and XLSX with the same rows.
 */
class SupervisionIT extends MariaDbIntegrationTest {

  @Autowired
  org.bangfu.security.AccessProvisioning provisioning;

  static final String COUNTY = "629901";

  @Autowired
  TaskService taskService;
  @Autowired
  SupervisionMapper supervisionMapper;
  @Autowired
  IdentityService identityService;

  @Test
  @SuppressWarnings("unchecked")
  void theFiguresAreTheEnginesAndOnlyTheCountysSupervisorsSeeThem() {
    Map<String, Object> overview = api.get("supervisor_county", "/api/supervision/" + COUNTY).getBody();
    Date now = ClockUtil.getCurrentTime();
    Map<String, Long> overdueByGroup = new HashMap<>();
    long open = 0;
    for (Task task : taskService.createTaskQuery().list()) {
      String group = taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
          .filter(g -> g != null && g.matches("(village|township|county|dept-[A-Z_]+)-629901\\d*")).findFirst()
          .orElse(null);
      if (group == null) {
        continue;
      }
      open++;
      if (task.getDueDate() != null && task.getDueDate().before(now)) {
        overdueByGroup.merge(group, 1L, Long::sum);
      }
    }
    long overdue = overdueByGroup.values().stream().mapToLong(Long::longValue).sum();
    assertThat(overdue).as("the demo county has overdue cases").isPositive();
    assertThat(((Number) overview.get("open")).longValue()).isEqualTo(open);
    assertThat(((Number) overview.get("overdue")).longValue()).isEqualTo(overdue);
    List<Map<String, Object>> byVillage = (List<Map<String, Object>>) overview.get("byVillage");
    overdueByGroup.forEach((group, count) -> {
      if (group.startsWith("village-")) {
        assertThat(byVillage).filteredOn(v -> group.equals("village-" + v.get("key")))
            .extracting(v -> ((Number) v.get("overdue")).longValue()).containsExactly(count);
      }
    });
    assertThat((List<Map<String, Object>>) overview.get("byTownship")).extracting(t -> t.get("name"))
        .contains("和平镇");
    assertThat((List<Map<String, Object>>) overview.get("byStep")).extracting(t -> t.get("name"))
        .contains("入户核实");
    assertThat((List<Map<String, Object>>) overview.get("byActivity"))
        .anySatisfy(a -> assertThat(a).containsEntry("processKey", "RiskIdentificationProcess")
            .containsEntry("activityId", "Activity_VerifyHousehold"));
    assertThat((List<Map<String, Object>>) overview.get("oldestOpenCases")).isNotEmpty();
    assertThat((Map<String, Object>) overview.get("casesByStatus")).containsKeys("IDENTIFYING", "MONITORED");

    // another county's supervisor, a village cadre: refused, with a message and no figures
    assertThat(rest.withBasicAuth("admin", "admin").postForEntity("/api/admin/regions", List.of(
        Map.of("code", "629977", "name", "长宁县", "level", "COUNTY")), Map.class).getStatusCode().is2xxSuccessful())
        .isTrue();
    // as the demo's users are made (the demo password is the demo's, past the password policy)
    provisioning.ensureUser("supervisor_changle", "长宁", "督导", "supervisor_changle@demo.bangfu.org",
        ApiClient.PASSWORD, List.of("supervisor-629977"));
    ResponseEntity<Map<String, Object>> other = api.get("supervisor_changle", "/api/supervision/" + COUNTY);
    assertThat(other.getStatusCode().value()).isEqualTo(403);
    assertThat(other.getBody()).doesNotContainKey("overdue");
    assertThat((String) other.getBody().get("error")).contains("本县督导组");
    assertThat(api.get("cadre_dongshan", "/api/supervision/" + COUNTY).getStatusCode().value()).isEqualTo(403);
    assertThat(api.getList("supervisor_changle", "/api/supervision").getBody()).extracting(c -> c.get("code"))
        .containsExactly("629977");
    assertThat(((Number) api.get("supervisor_changle", "/api/supervision/629977").getBody().get("overdue"))
        .longValue()).isZero();
  }

  /**
   * The dashboard's due-soon and overdue figures come from kept counts for whole days and from the rows of the two
   * days the windows cut: tasks due at random minutes over a week around now (and some with no due date), counted at
   * several moments — early and late in a day, at midnight — match a count of the same tasks made here.
   */
  @Test
  void dueSoonAndOverdueAreExactOnEveryDayAroundNow() {
    String county = "629978"; // a county of this test's own: no other test's tasks
    List<String> groups = List.of("village-" + county + "100201", "township-" + county + "100");
    java.util.Random random = new java.util.Random(20261205L);
    java.time.LocalDateTime base = org.bangfu.shared.EngineClock.now().withNano(0);
    List<String> created = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 120; i++) {
        Task task = taskService.newTask();
        task.setName(i % 3 == 0 ? "核对" : "复核");
        task.setDueDate(i % 10 == 0 ? null : java.sql.Timestamp.valueOf(base.plusMinutes(random.nextInt(7 * 24 * 60)
            - 3 * 24 * 60)));
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), groups.get(i % 2));
        created.add(task.getId());
      }
      List<Task> tasks = taskService.createTaskQuery().taskIdIn(created.toArray(String[]::new)).list();
      for (java.time.LocalDateTime now : List.of(base, base.toLocalDate().atStartOfDay(),
          base.toLocalDate().atTime(23, 59, 59), base.toLocalDate().plusDays(1).atStartOfDay().plusMinutes(1),
          base.minusHours(30))) {
        java.time.LocalDateTime soon = org.bangfu.shared.Deadlines.dueSoonBefore(now);
        Date nowDate = java.sql.Timestamp.valueOf(now);
        Date soonDate = java.sql.Timestamp.valueOf(soon);
        for (String group : groups) {
          for (String name : List.of("核对", "复核")) {
            List<Task> mine = tasks.stream().filter(t -> name.equals(t.getName())
                && groups.indexOf(group) == created.indexOf(t.getId()) % 2).toList();
            long overdue = mine.stream().filter(t -> t.getDueDate() != null && t.getDueDate().before(nowDate)).count();
            long dueSoon = mine.stream().filter(t -> t.getDueDate() != null && !t.getDueDate().before(nowDate)
                && t.getDueDate().before(soonDate)).count();
            assertThat(OpenTaskCounts.byGroupAndStep(supervisionMapper, county, now, soon))
                .as("%s %s at %s", group, name, now)
                .filteredOn(row -> group.equals(row.groupId()) && name.equals(row.stepName()))
                .singleElement().satisfies(row -> {
                  assertThat(row.openTasks()).as("open").isEqualTo(mine.size());
                  assertThat(row.overdue()).as("overdue").isEqualTo(overdue);
                  assertThat(row.dueSoon()).as("due soon").isEqualTo(dueSoon);
                });
          }
        }
      }
    } finally {
      created.forEach(id -> taskService.deleteTask(id, true));
    }
    assertThat(OpenTaskCounts.byGroupAndStep(supervisionMapper, county, base, base.plusDays(2)))
        .as("no count left once the tasks are gone").isEmpty();
  }

  @Test
  void theOverdueListExportsAsCsvAndXlsx() throws IOException {
    Map<String, Object> overview = api.get("supervisor_county", "/api/supervision/" + COUNTY).getBody();
    long overdue = ((Number) overview.get("overdue")).longValue();

    ResponseEntity<byte[]> csv = api.as("supervisor_county").getForEntity("/api/supervision/" + COUNTY
        + "/overdue.csv", byte[].class);
    assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("overdue-629901.csv");
    String text = new String(csv.getBody(), StandardCharsets.UTF_8);
    List<String> lines = text.lines().toList();
    assertThat(lines.get(0)).isEqualTo("\uFEFF案件编号,户主,乡镇,村,环节,办理单位,办理人,到期时间（北京时间）,逾期工作日");
    // names, not codes: every case's row names its household's head and the unit by its name
    assertThat(lines.subList(1, lines.size())).filteredOn(l -> l.startsWith("BF629901-"))
        .allMatch(l -> !l.split(",")[1].isBlank(), "户主 given")
        .noneMatch(l -> l.contains("village-") || l.contains("township-") || l.contains("county-"));
    assertThat(lines).hasSize((int) overdue + 1);
    // a case's task carries its case number; the tasks of periodic monitoring (no case) are the only others
    List<String> rows = lines.subList(1, lines.size());
    long periodic = taskService.createTaskQuery()
        .processDefinitionKeyIn("PeriodicScreeningProcess", "ConcentratedScreeningProcess")
        .dueBefore(ClockUtil.getCurrentTime()).count();
    assertThat(rows).filteredOn(l -> l.startsWith("BF629901-")).hasSize(rows.size() - (int) periodic).isNotEmpty();
    assertThat(rows).filteredOn(l -> !l.startsWith("BF629901-")).allMatch(l -> l.startsWith(","));
    assertThat(text).doesNotContainPattern("\\d{17}[\\dX]");

    ResponseEntity<byte[]> xlsx = api.as("supervisor_county").getForEntity("/api/supervision/" + COUNTY
        + "/overdue.xlsx", byte[].class);
    assertThat(xlsx.getHeaders().getContentType().toString()).contains("spreadsheetml");
    String sheet = null;
    String strings = "";
    // read as Excel reads it: through the zip's central directory
    java.nio.file.Path file = java.nio.file.Files.createTempFile("overdue-", ".xlsx");
    java.nio.file.Files.write(file, xlsx.getBody());
    try (ZipFile zip = new ZipFile(file.toFile())) {
      sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
          StandardCharsets.UTF_8);
      ZipEntry shared = zip.getEntry("xl/sharedStrings.xml");
      strings = shared == null ? "" : new String(zip.getInputStream(shared).readAllBytes(), StandardCharsets.UTF_8);
    } finally {
      java.nio.file.Files.delete(file);
    }
    assertThat(sheet).isNotNull();
    assertThat(sheet.split("<row ", -1)).hasSize((int) overdue + 2);
    // the XML writes Chinese as character references
    strings = java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);").matcher(strings)
        .replaceAll(m -> new String(Character.toChars(Integer.parseInt(m.group(1), 16))));
    assertThat(strings).contains("案件编号").contains("逾期工作日").contains(lines.get(1).split(",")[0]);
    // Excel's filter and frozen header, and the due date as a date (a number with a date format), not text
    assertThat(sheet).contains("<autoFilter ").contains("<pane ").contains("state=\"frozen\"");
    try (org.dhatim.fastexcel.reader.ReadableWorkbook book = new org.dhatim.fastexcel.reader.ReadableWorkbook(
        new java.io.ByteArrayInputStream(xlsx.getBody()))) {
      List<org.dhatim.fastexcel.reader.Row> read = book.getFirstSheet().read();
      assertThat(read.get(1).getCell(7).getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.NUMBER);
      assertThat(read.get(1).getCellAsDate(7)).isPresent();
    }

    assertThat(api.as("cadre_dongshan").getForEntity("/api/supervision/" + COUNTY + "/overdue.csv", String.class)
        .getStatusCode().value()).isEqualTo(403);
  }
}
