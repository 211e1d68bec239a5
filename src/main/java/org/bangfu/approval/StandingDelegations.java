package org.bangfu.approval;

import java.time.LocalDate;
import java.util.List;
import org.bangfu.approval.ApprovalMapper.StandingDelegation;
import org.bangfu.engine.TaskCreateListener;
import org.bangfu.region.CandidateGroups;
import org.bangfu.security.BangfuUser;
import org.bangfu.security.EngineUsers;
import org.bangfu.security.PersonNames;
import org.bangfu.security.RegionAccess;
import org.bangfu.shared.EngineClock;
import org.bangfu.shared.ForbiddenException;
import org.bangfu.shared.InvalidInputException;
import org.bangfu.shared.NotFoundException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Standing delegation (代理) for an absent cadre: from the first to the last day, every task of the absent user's
 * groups (and any task assigned to them) is also offered to the stand-in as a candidate — new tasks as they are
 * created, open ones when the range starts (hourly sweep) — and taken away again after the last day. The stand-in
 * must be able to see every region the absent user works for.
 */
@Service
public class StandingDelegations implements TaskCreateListener {

  private static final Logger log = LoggerFactory.getLogger(StandingDelegations.class);

  private final ApprovalMapper mapper;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final EngineUsers users;
  private final RegionAccess access;
  private final AuthorizationService authorizationService;
  private final PersonNames names;

  public StandingDelegations(ApprovalMapper mapper, TaskService taskService, IdentityService identityService,
      EngineUsers users, RegionAccess access, AuthorizationService authorizationService, PersonNames names) {
    this.names = names;
    this.authorizationService = authorizationService;
    this.mapper = mapper;
    this.taskService = taskService;
    this.identityService = identityService;
    this.users = users;
    this.access = access;
  }

  @Transactional
  public StandingDelegation create(String absentUser, String standIn, LocalDate firstDay, LocalDate lastDay,
      String reason, BangfuUser user) {
    if (absentUser == null || !(absentUser.equals(user.id()) || user.isAdmin())) {
      throw new ForbiddenException("只能为本人设置代理（管理员可为他人设置）");
    }
    if (standIn == null || standIn.equals(absentUser) || identityService.createUserQuery().userId(standIn).count() == 0) {
      throw InvalidInputException.of("standIn", "请选择另一位在系统中的人员作为代理人");
    }
    LocalDate today = EngineClock.today();
    if (firstDay == null || lastDay == null || firstDay.isBefore(today) || lastDay.isBefore(firstDay)
        || lastDay.isAfter(firstDay.plusDays(180))) {
      throw InvalidInputException.of("lastDay", "代理期限应从今天或以后开始，结束日不早于开始日，最长180天");
    }
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      throw InvalidInputException.of("reason", "请填写代理事由（如外出培训、病假，不超过500字）");
    }
    BangfuUser absent = users.of(absentUser);
    BangfuUser substitute = users.of(standIn);
    for (String group : absent.groups()) {
      String region = CandidateGroups.regionCode(group);
      boolean department = CandidateGroups.departmentOf(group) != null;
      boolean covered = substitute.inGroup(group)
          || !department && region != null && access.canSeeRegion(substitute, region);
      if (region != null && !covered) {
        throw InvalidInputException.of("standIn", names.of(standIn) + " 不能办理 " + names.of(absentUser) + " 所在的"
            + names.groups(List.of(group)).get(group) + "的任务（不在同一辖区或部门）");
      }
    }
    StandingDelegation delegation = new StandingDelegation(null, absentUser, standIn, firstDay, lastDay,
        reason.trim(), user.id(), EngineClock.now(), null);
    mapper.insertDelegation(delegation);
    StandingDelegation saved = mapper.delegationsOf(absentUser).get(0);
    if (!firstDay.isAfter(today)) {
      apply(saved);
    }
    log.info("standing delegation {} → {} from {} to {} by {}", absentUser, standIn, firstDay, lastDay, user.id());
    return saved;
  }

  @Transactional
  public void cancel(Long id, BangfuUser user) {
    StandingDelegation delegation = id == null ? null : mapper.findDelegation(id);
    if (delegation == null || !(user.isAdmin() || user.id().equals(delegation.absentUser())
        || user.id().equals(delegation.createdBy()))) {
      throw new NotFoundException("代理设置不存在");
    }
    if (mapper.cancelDelegation(id, EngineClock.now()) == 1) {
      withdrawLinks(delegation);
    }
  }

  public List<StandingDelegation> of(BangfuUser user) {
    return mapper.delegationsOf(user.id());
  }

  /** A new task: offered to the stand-ins of absent members of its groups and of its assignee. */
  @Override
  public void notify(DelegateTask task) {
    List<StandingDelegation> active = mapper.delegationsOn(EngineClock.today(), null);
    if (active.isEmpty()) {
      return;
    }
    List<String> groups = CandidateGroups.of(task.getCandidates());
    for (StandingDelegation d : active) {
      boolean covers = d.absentUser().equals(task.getAssignee()) || groups.stream().anyMatch(g ->
          identityService.createUserQuery().userId(d.absentUser()).memberOfGroup(g).count() > 0);
      if (covers) {
        task.addCandidateUser(d.standIn());
        if (d.absentUser().equals(task.getAssignee())) {
          task.setAssignee(d.standIn());
        }
      }
    }
  }

  /** Hourly: delegations in force offer the open tasks; ended ones (last week) take their offers back. */
  @Scheduled(cron = "${bangfu.delegation.sweep-cron:0 7 * * * *}")
  @Transactional
  public void sweep() {
    LocalDate today = EngineClock.today();
    mapper.delegationsOn(today, null).forEach(this::apply);
    mapper.delegationsEndedBefore(today).stream().filter(d -> !d.lastDay().isBefore(today.minusDays(7)))
        .forEach(this::withdrawLinks);
  }

  private void apply(StandingDelegation d) {
    for (Task task : tasksOf(d.absentUser())) {
      if (!hasCandidateUser(task.getId(), d.standIn())) {
        taskService.addCandidateUser(task.getId(), d.standIn());
      }
      if (d.absentUser().equals(task.getAssignee())) {
        taskService.setAssignee(task.getId(), d.standIn());
      }
    }
  }

  private void withdrawLinks(StandingDelegation d) {
    // the tasks the same stand-in still covers for someone else, read once
    java.util.Set<String> neededElsewhere = mapper.delegationsOn(EngineClock.today(), null).stream()
        .filter(other -> other.standIn().equals(d.standIn()) && !other.id().equals(d.id()))
        .flatMap(other -> tasksOf(other.absentUser()).stream()).map(Task::getId)
        .collect(java.util.stream.Collectors.toSet());
    for (Task task : tasksOf(d.absentUser())) {
      // a task the stand-in has claimed stays with them until done
      if (!neededElsewhere.contains(task.getId()) && !d.standIn().equals(task.getAssignee())
          && hasCandidateUser(task.getId(), d.standIn())) {
        taskService.deleteCandidateUser(task.getId(), d.standIn());
        // the engine granted the candidate access to the task; it keeps it unless taken away
        authorizationService.createAuthorizationQuery().userIdIn(d.standIn()).resourceType(Resources.TASK)
            .resourceId(task.getId()).list().forEach(a -> authorizationService.deleteAuthorization(a.getId()));
      }
    }
  }

  private List<Task> tasksOf(String absentUser) {
    List<String> groups = users.of(absentUser).groups();
    List<Task> tasks = new java.util.ArrayList<>(taskService.createTaskQuery().taskAssignee(absentUser).list());
    if (!groups.isEmpty()) {
      tasks.addAll(taskService.createTaskQuery().taskCandidateGroupIn(groups).list());
    }
    return tasks;
  }

  private boolean hasCandidateUser(String taskId, String user) {
    return taskService.getIdentityLinksForTask(taskId).stream().anyMatch((IdentityLink l) ->
        IdentityLinkType.CANDIDATE.equals(l.getType()) && user.equals(l.getUserId()));
  }
}
