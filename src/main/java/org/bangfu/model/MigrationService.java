package org.bangfu.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bangfu.casefile.CaseFile;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.region.CandidateGroups;
import org.bangfu.security.BangfuUser;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.ForbiddenException;
import org.bangfu.shared.InvalidInputException;
import org.bangfu.shared.NotFoundException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * Migration of running cases to a new version of a process (cases live for months): a plan mapping equal activity
 * ids, validated by the engine, shown with the instances it can move and those it cannot (waiting at a step the new
 * version removed), then executed as a batch for the movable ones. Process owners only.
 */
@Service
public class MigrationService {

  /** An activity mapping of the plan. */
  public record Mapping(String from, String to) {
  }

  /** A running instance and the steps it waits at; {@code reason} says why it cannot move. */
  public record InstanceView(String id, String businessKey, List<String> waitingAt, boolean movable, String reason) {
  }

  public record PlanView(String processKey, int fromVersion, int toVersion, String fromId, String toId,
      List<Mapping> mappings, List<String> problems, List<InstanceView> instances, int movable, int notMovable) {
  }

  public record Executed(String batchId, int migrated, List<InstanceView> left) {
  }

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final CaseFileService caseFiles;

  public MigrationService(RepositoryService repositoryService, RuntimeService runtimeService,
      CaseFileService caseFiles) {
    this.caseFiles = caseFiles;
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
  }

  /** A process with its latest version and how many running instances are on older versions. */
  public record ProcessVersions(String key, String name, int latestVersion, long runningOnLatest,
      long runningOnOlder) {
  }

  public List<ProcessVersions> processes(BangfuUser user) {
    requireOwner(user);
    List<ProcessVersions> list = new ArrayList<>();
    for (ProcessDefinition latest : repositoryService.createProcessDefinitionQuery().latestVersion()
        .orderByProcessDefinitionKey().asc().list()) {
      long total = runtimeService.createProcessInstanceQuery().processDefinitionKey(latest.getKey()).count();
      long onLatest = runtimeService.createProcessInstanceQuery().processDefinitionId(latest.getId()).count();
      list.add(new ProcessVersions(latest.getKey(), latest.getName(), latest.getVersion(), onLatest,
          total - onLatest));
    }
    return list;
  }

  public PlanView plan(String processKey, Integer fromVersion, Integer toVersion, BangfuUser user) {
    requireOwner(user);
    ProcessDefinition target = definition(processKey, toVersion);
    ProcessDefinition source = fromVersion == null ? previous(target) : definition(processKey, fromVersion);
    if (source.getId().equals(target.getId())) {
      throw InvalidInputException.of("fromVersion", "源版本和目标版本相同");
    }
    List<String> problems = new ArrayList<>();
    MigrationPlan plan = null;
    try {
      plan = runtimeService.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities()
          .updateEventTriggers().build();
    } catch (MigrationPlanValidationException e) {
      e.getValidationReport().getInstructionReports().forEach(r -> problems.add(
          "步骤 " + r.getMigrationInstruction().getSourceActivityId() + "：" + String.join("；", r.getFailures())));
      if (problems.isEmpty()) {
        problems.add(e.getMessage());
      }
    }
    List<Mapping> mappings = new ArrayList<>();
    Set<String> mapped = new HashSet<>();
    if (plan != null) {
      for (MigrationInstruction instruction : plan.getInstructions()) {
        mappings.add(new Mapping(instruction.getSourceActivityId(), instruction.getTargetActivityId()));
        mapped.add(instruction.getSourceActivityId());
      }
    }
    List<InstanceView> instances = new ArrayList<>();
    for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId())
        .active().list()) {
      List<String> waiting = new ArrayList<>();
      leaves(runtimeService.getActivityInstance(instance.getId()), waiting);
      List<String> removed = waiting.stream().filter(a -> !mapped.contains(a)).toList();
      boolean movable = plan != null && removed.isEmpty();
      instances.add(new InstanceView(instance.getId(), instance.getBusinessKey(), waiting, movable,
          movable ? null : plan == null ? "迁移计划未通过校验"
              : "等待的步骤 " + String.join("、", removed) + " 在第 " + target.getVersion() + " 版中已删除，留在原版本办完"));
    }
    int movable = (int) instances.stream().filter(InstanceView::movable).count();
    return new PlanView(processKey, source.getVersion(), target.getVersion(), source.getId(), target.getId(),
        mappings, problems, instances, movable, instances.size() - movable);
  }

  /** Moves the movable instances as a batch; the others stay on their version, untouched. */
  @org.springframework.transaction.annotation.Transactional
  public Executed execute(String processKey, Integer fromVersion, Integer toVersion, BangfuUser user) {
    PlanView view = plan(processKey, fromVersion, toVersion, user);
    if (!view.problems().isEmpty()) {
      throw new ConflictException("迁移计划未通过校验：" + String.join("；", view.problems()));
    }
    List<String> ids = view.instances().stream().filter(InstanceView::movable).map(InstanceView::id).toList();
    List<InstanceView> left = view.instances().stream().filter(i -> !i.movable()).toList();
    if (ids.isEmpty()) {
      return new Executed(null, 0, left);
    }
    MigrationPlan plan = runtimeService.createMigrationPlan(view.fromId(), view.toId()).mapEqualActivities()
        .updateEventTriggers().build();
    Batch batch = runtimeService.newMigration(plan).processInstanceIds(ids).executeAsync();
    // every case whose instance moves has it in its audit, with the batch that moves it (same transaction)
    Set<Long> audited = new HashSet<>();
    for (InstanceView instance : view.instances()) {
      CaseFile caseFile = instance.movable() ? caseFiles.findByBusinessKey(instance.businessKey()) : null;
      if (caseFile != null && audited.add(caseFile.getId())) {
        caseFiles.audit(caseFile.getId(), "MIGRATION", "迁移到新版本的流程", "MIGRATED", "流程 " + processKey + " 第 "
            + view.fromVersion() + " 版 → 第 " + view.toVersion() + " 版（迁移批次 " + batch.getId() + "）", user.id(),
            null);
      }
    }
    return new Executed(batch.getId(), ids.size(), left);
  }

  private static void leaves(ActivityInstance instance, List<String> into) {
    if (instance.getChildActivityInstances().length == 0 && instance.getChildTransitionInstances().length == 0) {
      into.add(instance.getActivityId());
      return;
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      leaves(child, into);
    }
    for (var transition : instance.getChildTransitionInstances()) {
      into.add(transition.getActivityId());
    }
  }

  private ProcessDefinition definition(String key, Integer version) {
    var query = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key);
    ProcessDefinition definition = version == null ? query.latestVersion().singleResult()
        : query.processDefinitionVersion(version).singleResult();
    if (definition == null) {
      throw new NotFoundException("流程 " + key + (version == null ? "" : " 第 " + version + " 版") + " 不存在");
    }
    return definition;
  }

  private ProcessDefinition previous(ProcessDefinition target) {
    if (target.getVersion() <= 1) {
      throw InvalidInputException.of("fromVersion", "流程只有一个版本，没有可迁移的旧版本");
    }
    return definition(target.getKey(), target.getVersion() - 1);
  }

  private static void requireOwner(BangfuUser user) {
    if (!user.isAdmin() && !user.inGroup(CandidateGroups.PROCESS_OWNERS)) {
      throw new ForbiddenException("只有流程管理员可以迁移运行中的案件");
    }
  }

}
