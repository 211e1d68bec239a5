package org.bangfu.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The inbox against the engine on H2 (the embedded default): the standard filters answer as the engine's own
 * queries do through random work, an edited filter falls back to the engine, and an emptied table is filled again at
 * start. InboxIT does the same on MariaDB inside the application, and through Tasklist's requests.
 */
class InboxFilterServiceTest {

  private static final String URL = "jdbc:h2:mem:inbox-test;MODE=MySQL;DB_CLOSE_DELAY=-1";
  private static final long SEED = Long.getLong("bangfu.inbox.seed", 20261202L);
  private static ProcessEngine engine;
  private static InboxPlugin plugin;

  @BeforeAll
  static void engine() throws Exception {
    try (Connection connection = DriverManager.getConnection(URL, "sa", "")) {
      InboxWorkout.createInboxTable(connection);
    }
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("inbox-test");
    configuration.setJdbcUrl(URL);
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setAuthorizationEnabled(true);
    configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9_-]+");
    configuration.setEnforceHistoryTimeToLive(false);
    plugin = new InboxPlugin(java.time.Duration.ofSeconds(60));
    configuration.getProcessEnginePlugins().add(plugin);
    engine = configuration.buildProcessEngine();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void everyStandardFilterAnswersAsTheEnginesQueryThroughRandomWork() {
    System.out.println("InboxFilterServiceTest seed " + SEED + " (-Dbangfu.inbox.seed to repeat)");
    long before = plugin.filterService().answeredFromInbox();
    InboxWorkout workout = new InboxWorkout(engine, SEED, "random");
    int checks = workout.run(120);
    assertThat(checks).isGreaterThan(1_000);
    // the pages and counts really came from the table (list() without a page is the engine's)
    assertThat(plugin.filterService().answeredFromInbox() - before).isGreaterThan(checks / 2);
  }

  /**
   * The due windows cut days: at a quarter past midnight (InboxIT once counted one task fewer for 即将到期 at 00:14)
   * and just before it, the inbox answers as the engine does. The engine's clock is set; due dates fall around it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"00:14:00", "23:59:30", "00:00:00"})
  void theDueWindowsAnswerAsTheEngineAroundMidnight(String time) {
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf(java.time.LocalDate.now().plusDays(3).atTime(
        java.time.LocalTime.parse(time))));
    InboxWorkout workout = new InboxWorkout(engine, SEED + time.hashCode(), "midnight" + time.substring(0, 2));
    try {
      assertThat(workout.run(40)).isGreaterThan(300);
    } finally {
      workout.cleanUp();
      ClockUtil.reset();
    }
  }

  /**
   * The user's groups and filter permission are kept between pages (KeptReads), yet a removed membership and a
   * revoked filter count from the next page and count; the engine's task writes (its task authorizations among them)
   * keep them.
   */
  @Test
  void aRemovedMembershipOrARevokedFilterCountsFromTheNextRequest() {
    var identity = engine.getIdentityService();
    identity.saveGroup(identity.newGroup("kept-g"));
    identity.saveUser(identity.newUser("kept-u"));
    identity.createMembership("kept-u", "kept-g");
    Task task = engine.getTaskService().newTask();
    engine.getTaskService().saveTask(task);
    engine.getTaskService().addCandidateGroup(task.getId(), "kept-g");
    String filterId = InboxFilter.GROUP.ensure(engine.getFilterService(), engine.getAuthorizationService()).getId();
    try {
      identity.setAuthentication("kept-u", List.of("kept-g"));
      assertThat(engine.getFilterService().count(filterId)).isEqualTo(1);
      long generation = plugin.keptReads().generation();
      identity.clearAuthentication();
      Task other = engine.getTaskService().newTask();
      engine.getTaskService().saveTask(other);
      engine.getTaskService().addCandidateGroup(other.getId(), "kept-g");
      engine.getTaskService().complete(other.getId());
      identity.setAuthentication("kept-u", List.of("kept-g"));
      engine.getFilterService().createFilterQuery().list(); // as Tasklist lists its filters on each refresh
      engine.getFilterService().getFilter(filterId);
      identity.clearAuthentication();
      assertThat(plugin.keptReads().generation()).as("task writes and filter reads keep the kept reads")
          .isEqualTo(generation);

      identity.deleteMembership("kept-u", "kept-g");
      identity.setAuthentication("kept-u", List.of());
      assertThat(engine.getFilterService().count(filterId)).as("the group's task, after the membership went")
          .isZero();
      assertThat(engine.getFilterService().<Task>listPage(filterId, 0, 10)).isEmpty();

      identity.clearAuthentication();
      identity.createMembership("kept-u", "kept-g");
      identity.setAuthentication("kept-u", List.of("kept-g"));
      assertThat(engine.getFilterService().count(filterId)).isEqualTo(1);
      identity.clearAuthentication();
      Authorization revoke = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
      revoke.setUserId("kept-u");
      revoke.setResource(Resources.FILTER);
      revoke.setResourceId(filterId);
      revoke.removePermission(Permissions.READ);
      engine.getAuthorizationService().saveAuthorization(revoke);
      identity.setAuthentication("kept-u", List.of("kept-g"));
      try {
        assertThatThrownBy(() -> engine.getFilterService().count(filterId)).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> engine.getFilterService().listPage(filterId, 0, 10))
            .isInstanceOf(AuthorizationException.class);
      } finally {
        identity.clearAuthentication();
        engine.getAuthorizationService().deleteAuthorization(revoke.getId());
      }
    } finally {
      identity.clearAuthentication();
      engine.getTaskService().deleteTask(task.getId(), true);
      identity.deleteUser("kept-u");
      identity.deleteGroup("kept-g");
    }
  }

  /**
   * A standard filter the user may not read is refused on the inbox's path as the engine refuses it, for the count
   * as for the page (the count once read the stored filter without the check).
   */
  @Test
  void aStandardFilterTheUserMayNotReadIsRefused() {
    Filter unreadable = engine.getFilterService().saveFilter(engine.getFilterService().newTaskFilter("无权查看")
        .setQuery(InboxFilter.GROUP.query()));
    engine.getIdentityService().setAuthentication("someone", List.of("nobodys-group"));
    try {
      assertThatThrownBy(() -> engine.getFilterService().count(unreadable.getId()))
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> engine.getFilterService().listPage(unreadable.getId(), 0, 10))
          .isInstanceOf(AuthorizationException.class);
    } finally {
      engine.getIdentityService().clearAuthentication();
      engine.getFilterService().deleteFilter(unreadable.getId());
    }
  }

  @Test
  void aFilterAnAdministratorChangedIsAnsweredByTheEngine() {
    InboxWorkout workout = new InboxWorkout(engine, SEED + 1, "edited");
    workout.run(10);
    Filter filter = engine.getFilterService().createFilterQuery().filterName(InboxFilter.GROUP.title()).singleResult();
    filter.setQuery(engine.getTaskService().createTaskQuery().taskCandidateUserExpression("${currentUser()}")
        .includeAssignedTasks().taskName("审核"));
    engine.getFilterService().saveFilter(filter);
    try {
      engine.getIdentityService().setAuthentication("edited-u2", List.of("edited-g1", "edited-g2"));
      long fromEngine = plugin.filterService().answeredByEngine();
      List<Task> shown = engine.getFilterService().listPage(filter.getId(), 0, 100);
      assertThat(plugin.filterService().answeredByEngine()).isEqualTo(fromEngine + 1);
      assertThat(shown).allSatisfy(task -> assertThat(task.getName()).isEqualTo("审核"));
      assertThat(engine.getFilterService().count(filter.getId())).isEqualTo(shown.size());
    } finally {
      engine.getIdentityService().clearAuthentication();
      filter.setQuery(InboxFilter.GROUP.query());
      engine.getFilterService().saveFilter(filter);
      workout.cleanUp();
    }
  }

  @Test
  void anEmptiedTableIsFilledFromTheEnginesOpenTasksAtStart() throws Exception {
    InboxWorkout workout = new InboxWorkout(engine, SEED + 2, "refill");
    workout.run(15);
    long rows = rows();
    assertThat(rows).isPositive();
    try (Connection connection = DriverManager.getConnection(URL, "sa", "");
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM bf_inbox");
    }
    plugin.postProcessEngineBuild(engine);
    assertThat(rows()).isEqualTo(rows);
    workout.checkAll();
    workout.cleanUp();
  }

  private static long rows() throws SQLException {
    try (Connection connection = DriverManager.getConnection(URL, "sa", "");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM bf_inbox")) {
      result.next();
      return result.getLong(1);
    }
  }
}
