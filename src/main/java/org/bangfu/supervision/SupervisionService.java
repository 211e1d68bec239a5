package org.bangfu.supervision;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.bangfu.casefile.CaseFile;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.catalogue.CaseStatus;
import org.bangfu.catalogue.Department;
import org.bangfu.household.HouseholdService;
import org.bangfu.region.CandidateGroups;
import org.bangfu.region.RegionService;
import org.bangfu.replica.ReadSide;
import org.bangfu.security.BangfuUser;
import org.bangfu.security.PersonNames;
import org.bangfu.shared.Deadlines;
import org.bangfu.shared.ForbiddenException;
import org.bangfu.shared.WorkingDayCalendar;
import org.bangfu.supervision.SupervisionMapper.OverdueTask;
import org.bangfu.supervision.SupervisionMapper.TaskCount;
import org.springframework.stereotype.Service;

/**
 * The supervisor's view of a county: open, due-soon and overdue tasks by township, village, step and department, per
 * process activity (for the diagram heat view), cases by status and the oldest open cases. Every figure comes from
 * grouped queries (a handful per request, whatever the number of tasks).
 */
@Service
public class SupervisionService {

  public static final int EXPORT_LIMIT = 50_000;

  public record Count(String key, String name, long open, long dueSoon, long overdue) {
  }

  public record ActivityCount(String processKey, String activityId, String name, long open, long overdue) {
  }

  public record OldCase(Long id, String businessKey, String villageCode, String village, String status,
      String statusLabel, LocalDateTime openedAt, long daysOpen) {
  }

  public record Overview(String county, String countyName, LocalDateTime asOf, long open, long dueSoon,
      long overdue, List<Count> byTownship, List<Count> byVillage, List<Count> byStep, List<Count> byDepartment,
      List<ActivityCount> byActivity, Map<String, Long> casesByStatus, List<OldCase> oldestOpenCases,
      List<HeatCell> heat, List<WeekCount> weeks, ReadSide.Source source) {
  }

  /** The heat view: open and overdue tasks of one unit (a township, 县级, a department) at one step. */
  public record HeatCell(String unit, String step, long open, long overdue) {
  }

  /** A week (from its Monday): cases opened and cases closed in the county. */
  public record WeekCount(java.time.LocalDate week, long opened, long closed) {
  }

  /** The weeks the trend shows. */
  static final int WEEKS = 12;

  /** A row of the overdue list as a supervisor reads it: names, not codes or sign-in ids. */
  public record ExportRow(String caseNumber, String headName, String township, String village, String step,
      String handlerGroup, String assignee, LocalDateTime due, int workingDaysOverdue) {
  }

  private final SupervisionMapper supervision;
  private final CaseFileService caseFiles;
  private final RegionService regions;
  private final WorkingDayCalendar calendar;
  private final HouseholdService households;
  private final PersonNames people;
  private final ReadSide reads;

  public SupervisionService(SupervisionMapper supervision, CaseFileService caseFiles, RegionService regions,
      WorkingDayCalendar calendar, HouseholdService households, PersonNames people, ReadSide reads) {
    this.reads = reads;
    this.households = households;
    this.people = people;
    this.supervision = supervision;
    this.caseFiles = caseFiles;
    this.regions = regions;
    this.calendar = calendar;
  }

  /** Supervisors of the county (and administrators) only; anyone else is refused. */
  public void requireSupervisor(BangfuUser user, String county) {
    if (county == null || !county.matches("\\d{6}")) {
      throw org.bangfu.shared.InvalidInputException.of("county", "县级区划代码应为6位数字");
    }
    if (!user.isAdmin() && !user.inGroup(CandidateGroups.supervisor(county))) {
      throw new ForbiddenException("只有本县督导组可以查看督导数据");
    }
  }

  /** The dashboard's figures, from the read replica when one is configured and usable (the page says which). */
  public Overview overview(String county) {
    return reads.read(source -> overview(county, source));
  }

  private Overview overview(String county, ReadSide.Source source) {
    LocalDateTime now = Deadlines.overdueBefore();
    Function<String, String> name = names();
    List<TaskCount> rows = OpenTaskCounts.byGroupAndStep(supervision, county, now, Deadlines.dueSoonBefore(now));
    Map<String, Long> byStatus = new LinkedHashMap<>();
    for (CaseStatus status : CaseStatus.values()) {
      byStatus.put(status.name(), 0L);
    }
    supervision.casesByStatus(county).forEach(c -> byStatus.put(c.status(), c.cases()));
    Map<String, long[]> activities = new TreeMap<>();
    Map<String, String> activityNames = new LinkedHashMap<>();
    for (TaskCount row : rows) {
      String key = row.processKey() + "#" + row.step();
      long[] counts = activities.computeIfAbsent(key, k -> new long[2]);
      counts[0] += row.openTasks();
      counts[1] += row.overdue();
      activityNames.put(key, row.stepName());
    }
    List<ActivityCount> byActivity = new ArrayList<>();
    activities.forEach((key, counts) -> byActivity.add(new ActivityCount(key.substring(0, key.indexOf('#')),
        key.substring(key.indexOf('#') + 1), activityNames.get(key), counts[0], counts[1])));
    List<OldCase> oldest = new ArrayList<>();
    for (CaseFile c : caseFiles.oldestOpen(county, 10)) {
      oldest.add(new OldCase(c.getId(), c.getBusinessKey(), c.getVillageCode(), name.apply(c.getVillageCode()),
          c.getStatus(), CaseStatus.valueOf(c.getStatus()).label(), c.getOpenedAt(),
          ChronoUnit.DAYS.between(c.getOpenedAt().toLocalDate(), now.toLocalDate())));
    }
    return new Overview(county, name.apply(county), now, sum(rows, TaskCount::openTasks),
        sum(rows, TaskCount::dueSoon), sum(rows, TaskCount::overdue), group(rows, r -> township(r.groupId(), name)),
        group(rows, r -> village(r.groupId(), name)), group(rows, r -> r.step() + "|" + r.stepName()),
        group(rows, SupervisionService::department), byActivity, byStatus, oldest, heat(rows, name),
        weeks(county, now.toLocalDate()), source);
  }

  private static List<HeatCell> heat(List<TaskCount> rows, Function<String, String> name) {
    Map<String, long[]> cells = new TreeMap<>();
    for (TaskCount row : rows) {
      String unit = township(row.groupId(), name);
      if (unit == null) {
        unit = department(row);
      }
      if (unit == null) {
        continue;
      }
      long[] c = cells.computeIfAbsent(unit.substring(unit.indexOf('|') + 1) + "\t" + row.stepName(),
          k -> new long[2]);
      c[0] += row.openTasks();
      c[1] += row.overdue();
    }
    List<HeatCell> list = new ArrayList<>();
    cells.forEach((key, c) -> list.add(new HeatCell(key.substring(0, key.indexOf('\t')),
        key.substring(key.indexOf('\t') + 1), c[0], c[1])));
    return list;
  }

  /** Cases opened and closed per week, the last {@link #WEEKS} weeks, oldest first (this week included). */
  List<WeekCount> weeks(String county, java.time.LocalDate today) {
    java.time.LocalDate thisWeek = today.with(java.time.DayOfWeek.MONDAY);
    java.time.LocalDate first = thisWeek.minusWeeks(WEEKS - 1);
    long[][] counts = new long[WEEKS][2];
    for (SupervisionMapper.CaseDates c : supervision.caseDatesSince(county, first.atStartOfDay())) {
      count(counts, first, c.openedAt(), 0);
      count(counts, first, c.closedAt(), 1);
    }
    List<WeekCount> list = new ArrayList<>();
    for (int w = 0; w < WEEKS; w++) {
      list.add(new WeekCount(first.plusWeeks(w), counts[w][0], counts[w][1]));
    }
    return list;
  }

  private static void count(long[][] counts, java.time.LocalDate first, LocalDateTime at, int column) {
    if (at == null) {
      return;
    }
    long week = ChronoUnit.WEEKS.between(first, at.toLocalDate().with(java.time.DayOfWeek.MONDAY));
    if (week >= 0 && week < counts.length) {
      counts[(int) week][column]++;
    }
  }

  /** The overdue tasks, oldest first, for the CSV and XLSX export; from the read replica as the dashboard. */
  public List<ExportRow> overdueList(String county) {
    return reads.read(source -> overdueRows(county));
  }

  private List<ExportRow> overdueRows(String county) {
    LocalDateTime now = Deadlines.overdueBefore();
    Function<String, String> name = names();
    List<OverdueTask> tasks = supervision.overdueTasks(county, now, EXPORT_LIMIT);
    // the households' heads, the groups' and people's names, each read once for the whole list
    Map<String, Long> householdOfCase = new HashMap<>();
    caseFiles.byBusinessKeys(tasks.stream().map(t -> CaseFileService.caseNumberOf(t.caseNumber())).distinct().toList())
        .forEach(c -> householdOfCase.put(c.getBusinessKey(), c.getHouseholdId()));
    Map<Long, String> heads = households.headNames(householdOfCase.values());
    Map<String, String> groups = people.groups(tasks.stream().map(OverdueTask::groupId).toList());
    Map<String, String> assignees = people.of(tasks.stream().map(OverdueTask::assignee)
        .filter(java.util.Objects::nonNull).toList());
    List<ExportRow> list = new ArrayList<>();
    for (OverdueTask task : tasks) {
      String township = township(task.groupId(), name);
      String village = village(task.groupId(), name);
      Long household = householdOfCase.get(CaseFileService.caseNumberOf(task.caseNumber()));
      list.add(new ExportRow(task.caseNumber(), household == null ? "" : heads.getOrDefault(household, ""),
          township == null ? "" : township.split("\\|")[1], village == null ? "" : village.split("\\|")[1],
          task.stepName(), groups.getOrDefault(task.groupId(), task.groupId()),
          task.assignee() == null ? "" : assignees.getOrDefault(task.assignee(), task.assignee()), task.due(),
          calendar.workingDaysBetween(task.due().toLocalDate(), now.toLocalDate())));
    }
    return list;
  }

  private static long sum(List<TaskCount> rows, java.util.function.ToLongFunction<TaskCount> field) {
    return rows.stream().mapToLong(field).sum();
  }

  /** Groups the rows by a "key|name" the function gives (null: not in this grouping). */
  private static List<Count> group(List<TaskCount> rows, Function<TaskCount, String> keyAndName) {
    Map<String, long[]> counts = new TreeMap<>();
    for (TaskCount row : rows) {
      String key = keyAndName.apply(row);
      if (key == null) {
        continue;
      }
      long[] c = counts.computeIfAbsent(key, k -> new long[3]);
      c[0] += row.openTasks();
      c[1] += row.dueSoon();
      c[2] += row.overdue();
    }
    List<Count> list = new ArrayList<>();
    counts.forEach((key, c) -> list.add(new Count(key.substring(0, key.indexOf('|')),
        key.substring(key.indexOf('|') + 1), c[0], c[1], c[2])));
    list.sort((a, b) -> Long.compare(b.overdue(), a.overdue()));
    return list;
  }

  /** Region names for one request: each region read once, however many rows name it. */
  private Function<String, String> names() {
    Map<String, String> names = new HashMap<>();
    return code -> names.computeIfAbsent(code, regions::name);
  }

  private static String township(String group, Function<String, String> name) {
    if (group.startsWith(CandidateGroups.VILLAGE) || group.startsWith(CandidateGroups.TOWNSHIP)) {
      String code = CandidateGroups.regionCode(group).substring(0, 9);
      return code + "|" + name.apply(code);
    }
    return group.startsWith(CandidateGroups.COUNTY) ? "county|县级" : null;
  }

  private static String village(String group, Function<String, String> name) {
    if (!group.startsWith(CandidateGroups.VILLAGE)) {
      return null;
    }
    String code = CandidateGroups.regionCode(group);
    return code + "|" + name.apply(code);
  }

  private static String department(TaskCount row) {
    String code = CandidateGroups.departmentOf(row.groupId());
    if (code == null) {
      return null;
    }
    try {
      return code + "|" + Department.valueOf(code).label();
    } catch (IllegalArgumentException e) {
      return code + "|" + code;
    }
  }
}
