package org.bangfu.approval;

import java.util.List;
import org.bangfu.region.CandidateGroups;
import org.bangfu.region.RegionCode;
import org.bangfu.security.BangfuUser;
import org.bangfu.security.PersonNames;
import org.bangfu.security.PersonNames.Person;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Whom the 审批操作 tab offers, so that nobody types a sign-in id: for 转办 and 委派 the colleagues of the task's
 * groups, for 加签 and 抄送 the people who may see the case (its village, township, county and the county's
 * supervisors). The operations check the same rules again when they are sent.
 */
@Component
public class Recipients {

  private final PersonNames names;
  private final ApprovalTasks tasks;

  public Recipients(PersonNames names, ApprovalTasks tasks) {
    this.names = names;
    this.tasks = tasks;
  }

  /** The members of the task's candidate groups, the user excepted. */
  public List<Person> colleagues(Task task, BangfuUser user) {
    return names.membersOf(tasks.groups(task.getId()), user.id());
  }

  /** Those who may see the case of the task, the user excepted. */
  public List<Person> viewers(Task task, BangfuUser user) {
    String village = tasks.village(task);
    if (village == null) {
      return List.of();
    }
    RegionCode code = new RegionCode(village);
    return names.membersOf(List.of(CandidateGroups.village(village), CandidateGroups.township(code.township()),
        CandidateGroups.county(code.county()), CandidateGroups.supervisor(code.county())), user.id());
  }
}
