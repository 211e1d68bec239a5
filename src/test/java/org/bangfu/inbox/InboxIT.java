package org.bangfu.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bangfu.demo.DemoData;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.bangfu.testing.WebappSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListPageCmd;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The approvers' inbox on MariaDB inside the application (docs/adr/0001): the standard Tasklist filters
 * are answered from the inbox table, exactly as the engine's own queries of those filters answer — through random
 * work on the application's engine, and through the requests Tasklist itself sends for a signed-in cadre.
 */
class InboxIT extends MariaDbIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** What Tasklist sends for a filter's first page (its default sorting, active tasks only). */
  private static final String TASKLIST_QUERY = "{\"processVariables\":[],\"taskVariables\":[],"
      + "\"caseInstanceVariables\":[],\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";

  @Autowired
  ProcessEngine engine;
  @Autowired
  InboxPlugin inbox;
  @LocalServerPort
  int port;

  @Test
  void theStandardFiltersAnswerAsTheEnginesQueriesThroughRandomWork() {
    InboxWorkout workout = new InboxWorkout(engine, 20261202L, "inboxit");
    try {
      assertThat(workout.run(40)).isGreaterThan(300);
    } finally {
      workout.cleanUp();
    }
  }

  /**
   * Several transactions at once each opening many tasks of the same steps, groups and due days (as a bulk start):
   * none fails — no deadlock over the counts' rows new to the table — and the counts equal the rows.
   */
  @Test
  void concurrentBulkStartsKeepTheCountsExactWithoutDeadlocks() throws InterruptedException {
    InboxWorkout workout = new InboxWorkout(engine, 20261205L, "inboxbulk");
    try {
      assertThat(workout.concurrentStarts(3, 8, 60)).as("failed transactions").isEmpty();
    } finally {
      workout.cleanUp();
    }
  }

  /**
   * The inbox keeps a user's groups between pages (KeptReads); a membership the administrator removes in Admin
   * counts from the user's next Tasklist request, on this node, though the Tasklist session still holds its groups.
   */
  @Test
  void aMembershipRemovedInAdminCountsFromTheNextTasklistRequest() throws Exception {
    openIdentification(DemoData.DONGSHAN, "cadre_dongshan");
    String user = "kept_reader";
    var identity = engine.getIdentityService();
    var made = identity.newUser(user);
    made.setPassword("Kept-Reader-2026");
    identity.saveUser(made);
    String village = "village-" + DemoData.DONGSHAN;
    identity.createMembership(user, village);
    try {
      WebappSession tasklist = WebappSession.signIn("http://localhost:" + port, "tasklist", user, "Kept-Reader-2026");
      String filter = engine.getFilterService().createFilterQuery().filterName(InboxFilter.GROUP.title()).singleResult()
          .getId();
      String count = "/camunda/api/engine/engine/default/filter/" + filter + "/count";
      long before = JSON.readTree(tasklist.get(count).body()).get("count").asLong();
      assertThat(before).as("the village's open tasks").isPositive();
      assertThat(JSON.readTree(tasklist.get(count).body()).get("count").asLong()).isEqualTo(before);

      WebappSession admin = WebappSession.signIn("http://localhost:" + port, "admin", "admin", "admin");
      assertThat(admin.send("DELETE", "/camunda/api/engine/engine/default/group/" + village + "/members/" + user, null)
          .statusCode()).isEqualTo(204);
      assertThat(JSON.readTree(tasklist.get(count).body()).get("count").asLong()).as("after Admin removed the membership")
          .isZero();
      JsonNode page = JSON.readTree(tasklist.postHal("/camunda/api/engine/engine/default/filter/" + filter
          + "/list?firstResult=0&maxResults=15", TASKLIST_QUERY).body());
      assertThat(page.path("_embedded").path("task").size()).isZero();
    } finally {
      identity.deleteUser(user);
    }
  }

  @Test
  void tasklistsRequestsForACadresFiltersAreAnsweredFromTheInbox() throws Exception {
    String businessKey = openIdentification(DemoData.DONGSHAN, "cadre_dongshan");
    String taskId = (String) api.tasks("cadre_dongshan", businessKey).get(0).get("id");
    api.claim("cadre_dongshan", taskId);
    WebappSession tasklist = WebappSession.signIn("http://localhost:" + port, "tasklist", "cadre_dongshan",
        ApiClient.PASSWORD);
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember("cadre_dongshan").list().stream()
        .map(Group::getId).toList();
    var executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    for (InboxFilter filter : InboxFilter.values()) {
      String id = engine.getFilterService().createFilterQuery().filterName(filter.title()).singleResult().getId();
      // the application's scheduled work (deadline watcher, delegation sweep) may change tasks while the three reads
      // go on: the answers are compared when the engine's count was the same before and after them
      int attempts = 0;
      while (!sameAnswers(tasklist, filter, id, groups, executor) && ++attempts < 3) {
        Thread.sleep(500);
      }
      assertThat(attempts).as(filter.title() + ": the engine's count never held still over three tries").isLessThan(3);
      if (filter == InboxFilter.GROUP || filter == InboxFilter.MINE) {
        // the cadre's claimed task, wherever the filter's order (due date first) puts it
        JsonNode all = JSON.readTree(tasklist.postHal("/camunda/api/engine/engine/default/filter/" + id
            + "/list?firstResult=0&maxResults=1000", TASKLIST_QUERY).body());
        List<String> allShown = new ArrayList<>();
        all.path("_embedded").path("task").forEach(task -> allShown.add(task.get("id").asText()));
        assertThat(allShown).as(filter.title()).contains(taskId).hasSize(all.get("count").asInt());
      }
    }
  }

  /**
   * One filter's page and counts through Tasklist's requests against the engine's own queries; false (nothing
   * asserted) when the engine's count changed while they were read.
   */
  private boolean sameAnswers(WebappSession tasklist, InboxFilter filter, String id, List<String> groups,
      org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) throws Exception {
    long engineBefore = countAs(executor, id, groups);
    long before = inbox.filterService().answeredFromInbox();
    HttpResponse<String> page = tasklist.postHal("/camunda/api/engine/engine/default/filter/" + id
        + "/list?firstResult=0&maxResults=15", TASKLIST_QUERY);
    HttpResponse<String> count = tasklist.get("/camunda/api/engine/engine/default/filter/" + id + "/count");
    assertThat(page.statusCode()).as(filter.title()).isEqualTo(200);
    assertThat(count.statusCode()).as(filter.title()).isEqualTo(200);
    // the page and its count (HAL), and the sidebar's count: all three from the inbox table
    assertThat(inbox.filterService().answeredFromInbox() - before).as(filter.title()).isEqualTo(3);

    JsonNode body = JSON.readTree(page.body());
    List<String> shown = new ArrayList<>();
    body.path("_embedded").path("task").forEach(task -> shown.add(task.get("id").asText()));
    if (countAs(executor, id, groups) != engineBefore) {
      return false;
    }
    engine.getIdentityService().setAuthentication("cadre_dongshan", groups);
    try {
      TaskQuery tasklistOrder = engine.getTaskService().createTaskQuery().orderByTaskCreateTime().desc().active();
      List<Task> expected = InboxWorkout.engineList(executor, new ExecuteFilterListPageCmd(id, tasklistOrder, 0, 15));
      List<Task> expectedAll = InboxWorkout.engineList(executor,
          new ExecuteFilterListPageCmd(id, tasklistOrder, 0, Integer.MAX_VALUE));
      long expectedCount = engineBefore;
      // equal up to ties (tasks made in the same second by other tests sort in the database's order): the same
      // sort keys in the same order, each shown task one the filter holds
      Map<String, Task> byId = expectedAll.stream().collect(Collectors.toMap(Task::getId, task -> task));
      assertThat(byId).as(filter.title()).containsKeys(shown.toArray(String[]::new));
      assertThat(InboxWorkout.keys(shown.stream().map(byId::get).toList(), tasklistOrder)).as(filter.title())
          .isEqualTo(InboxWorkout.keys(expected, tasklistOrder));
      assertThat(body.get("count").asLong()).as(filter.title()).isEqualTo(expectedCount);
      assertThat(JSON.readTree(count.body()).get("count").asLong()).as(filter.title()).isEqualTo(expectedCount);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    return true;
  }

  private long countAs(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor, String id,
      List<String> groups) {
    engine.getIdentityService().setAuthentication("cadre_dongshan", groups);
    try {
      return executor.execute(new ExecuteFilterCountCmd(id));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
