package org.bangfu.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.demo.DemoData.DONGSHAN;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The standard Tasklist filters show each approver their region's tasks by state of their deadline. */
class TasklistFiltersIT extends MariaDbIntegrationTest {

  @Autowired
  FilterService filterService;
  @Autowired
  TaskService taskService;

  @Test
  void overdueAndDueSoonTasksAreListedForTheirGroupOnly() {
    String overdue = openCaseTask();
    String dueSoon = openCaseTask();
    String later = openCaseTask();
    long day = 86_400_000L;
    setDue(overdue, new Date(System.currentTimeMillis() - day));
    setDue(dueSoon, new Date(System.currentTimeMillis() + day));
    setDue(later, new Date(System.currentTimeMillis() + 10 * day));

    assertThat(filterIds("cadre_dongshan", "已逾期")).contains(overdue).doesNotContain(dueSoon, later);
    assertThat(filterIds("cadre_dongshan", "即将到期")).contains(dueSoon).doesNotContain(overdue, later);
    assertThat(filterIds("cadre_dongshan", "本组待办")).contains(overdue, dueSoon, later);
    assertThat(filterIds("cadre_xihe", "已逾期")).doesNotContain(overdue);
    assertThat(filterService.createFilterQuery().list()).extracting(Filter::getName)
        .contains("本组待办", "我的待办", "即将到期", "已逾期");
  }

  private String openCaseTask() {
    long household = api.createHousehold("cadre_dongshan",
        ApiClient.household(DONGSHAN, "ORDINARY", 7000, 0, "FULL"));
    Map<String, Object> c = api.openCase("cadre_dongshan", Map.of("householdId", household,
        "channel", "CADRE_SCREENING", "riskTypes", List.of("ILLNESS")));
    return (String) api.tasks("cadre_dongshan", (String) c.get("businessKey")).get(0).get("id");
  }

  private void setDue(String taskId, Date due) {
    var task = taskService.createTaskQuery().taskId(taskId).singleResult();
    task.setDueDate(due);
    taskService.saveTask(task);
  }

  /** Runs the named filter through the engine REST API as the user, like Tasklist does. */
  private List<Object> filterIds(String user, String name) {
    String id = filterService.createFilterQuery().filterName(name).singleResult().getId();
    return api.getList(user, "/engine-rest/filter/" + id + "/list?maxResults=500").getBody().stream()
        .map(t -> t.get("id")).toList();
  }
}
