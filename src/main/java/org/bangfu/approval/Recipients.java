package org.bangfu.approval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.engine.SystemQueries;
import org.bangfu.region.CandidateGroups;
import org.bangfu.region.RegionCode;
import org.bangfu.security.BangfuUser;
import org.bangfu.security.PersonNames;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Whom the 审批操作 tab offers, so that nobody types a sign-in id: for 转办 and 委派 the colleagues of the task's
 * groups, for 加签 and 抄送 the people who may see the case (its village, township, county and the county's
 * supervisors). The operations check the same rules again when they are sent.
 */
@Component
public class Recipients {

  /** A person to choose: sign-in id and the name shown. */
  public record Person(String id, String name) {
  }

  private final IdentityService identityService;
  private final ApprovalTasks tasks;

  public Recipients(IdentityService identityService, ApprovalTasks tasks) {
    this.identityService = identityService;
    this.tasks = tasks;
  }

  /** The members of the task's candidate groups, the user excepted. */
  public List<Person> colleagues(Task task, BangfuUser user) {
    return members(tasks.groups(task.getId()), user);
  }

  /** Those who may see the case of the task, the user excepted. */
  public List<Person> viewers(Task task, BangfuUser user) {
    String village = tasks.village(task);
    if (village == null) {
      return List.of();
    }
    RegionCode code = new RegionCode(village);
    return members(List.of(CandidateGroups.village(village), CandidateGroups.township(code.township()),
        CandidateGroups.county(code.county()), CandidateGroups.supervisor(code.county())), user);
  }

  private List<Person> members(List<String> groups, BangfuUser user) {
    Map<String, Person> people = new LinkedHashMap<>();
    for (String group : groups) {
      List<User> members = SystemQueries.run(identityService,
          () -> identityService.createUserQuery().memberOfGroup(group).list());
      members.stream().sorted(Comparator.comparing(User::getId)).filter(u -> !u.getId().equals(user.id()))
          .forEach(u -> people.putIfAbsent(u.getId(), new Person(u.getId(), PersonNames.display(u))));
    }
    return new ArrayList<>(people.values());
  }
}
