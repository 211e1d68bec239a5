package org.bangfu.screening;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.approval.ApprovalTasks;
import org.bangfu.region.RegionService;
import org.bangfu.replica.ReadSide;
import org.bangfu.screening.ScreeningMapper.Flag;
import org.bangfu.security.BangfuUser;
import org.bangfu.security.RegionAccess;
import org.bangfu.shared.NotFoundException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The numbered lists of the periodic screening tasks (季度预警名单, 增收重点帮扶对象, 集中排查名单). They hold names and
 * incomes, so they are read from the registry when a user with the region opens the task's 筛查名单 tab, never copied
 * into process variables (and so never into the engine's history). Which list a step shows is its model property
 * {@code screeningList}; the task's scope gives the run and the township or village.
 */
@Component
public class ScreeningLists {

  /** One household on a list; its number is what the form's 序号 field refers to. */
  public record Row(int listNo, String village, String headName, String reasons, BigDecimal perCapitaIncome,
      boolean openCase, String outcome) {
  }

  public record TaskList(String kind, String title, String region, List<Row> rows) {
  }

  private final TaskService taskService;
  private final ApprovalTasks tasks;
  private final PeriodicScreeningService screening;
  private final RegionService regions;
  private final RegionAccess access;
  private final ReadSide reads;

  public ScreeningLists(TaskService taskService, ApprovalTasks tasks, PeriodicScreeningService screening,
      RegionService regions, RegionAccess access, ReadSide reads) {
    this.reads = reads;
    this.taskService = taskService;
    this.tasks = tasks;
    this.screening = screening;
    this.regions = regions;
    this.access = access;
  }

  public TaskList forTask(String taskId, BangfuUser user) {
    Task task = taskId == null ? null : taskService.createTaskQuery().taskId(taskId).singleResult();
    String kind = task == null || task.getProcessDefinitionId() == null ? null
        : tasks.property(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), PeriodicScreening.LIST_PROPERTY);
    if (kind == null) {
      throw new NotFoundException("本任务没有筛查名单（只有季度预警核查、增收计划和集中排查任务有名单）");
    }
    String region = (String) taskService.getVariable(taskId, PeriodicScreeningService.WARNING.equals(kind)
        ? PeriodicScreening.TOWNSHIP_CODE.name() : PeriodicScreening.VILLAGE_CODE.name());
    Object runId = taskService.getVariable(taskId, PeriodicScreening.RUN_ID.name());
    if (region == null || !(runId instanceof Number run) || !access.canSeeRegion(user, region)) {
      throw new NotFoundException("任务不存在，或不在您的辖区内");
    }
    // a township's list spans a few villages: each name read once, not once a household
    Map<String, String> villages = new HashMap<>();
    // from the read replica when it is usable and holds the whole run; else from the primary
    List<Flag> flags = reads.read(source -> source.fromReplica()
        ? screening.listIfComplete(run.longValue(), kind, region) : screening.list(run.longValue(), kind, region));
    if (flags == null) {
      flags = screening.list(run.longValue(), kind, region);
    }
    List<Row> rows = flags.stream()
        .map(flag -> new Row(flag.listNo(), villages.computeIfAbsent(flag.villageCode(), regions::name),
            flag.headName(), flag.reasons(), flag.perCapitaIncome(), flag.openCaseId() != null, flag.outcome()))
        .toList();
    return new TaskList(kind, title(kind), regions.name(region), rows);
  }

  private static String title(String kind) {
    return switch (kind) {
      case PeriodicScreeningService.WARNING -> "季度预警名单";
      case PeriodicScreeningService.PRIORITY -> "增收重点帮扶对象名单";
      default -> "集中排查名单";
    };
  }
}
