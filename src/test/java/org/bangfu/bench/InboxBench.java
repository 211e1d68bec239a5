package org.bangfu.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bangfu.it.EmbeddedMariaDb;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (not a test: run with {@code ./mvnw -B verify -Pbench}; never in CI): a reviewer's inbox — the first
 * page of 20 and the count — with 100k open tasks (-Dbangfu.bench.tasks), authorization on, the reviewer in 3 of 18
 * candidate groups (a sixth of the tasks), on an embedded MariaDB on loopback, in two engine configurations built in
 * the same run on the same model and data:
 * <ul>
 *   <li><b>stock</b>: Camunda 7.24's defaults — the default authorization provider writes a TASK authorization per
 *       candidate group of each task, and the query joins them;</li>
 *   <li><b>region tenants</b>: each instance belongs to its region as a tenant (a {@code TenantIdProvider} reads the
 *       routing variable), no per-task authorization rows, the groups hold TASK READ/UPDATE on {@code *}, and the
 *       engine's tenant check (an indexed {@code TENANT_ID_ IN (...)}) keeps each user to their regions.</li>
 * </ul>
 * A spike towards the inbox design of the benchmark issue; prints p50/p95 and the ratio.
 */
class InboxBench {

  private static final int TASKS = Integer.getInteger("bangfu.bench.tasks", 100_000);
  private static final int GROUPS = 18;
  private static final int BATCH = 1_000;
  private static final List<String> REVIEWER_GROUPS = List.of("region-00", "region-01", "region-02");

  @Test
  void aReviewersInboxAtOneHundredThousandOpenTasks() {
    try (EmbeddedMariaDb.Server server = EmbeddedMariaDb.newServer()) {
      Map<String, Object> stock = measure("stock", server, false);
      Map<String, Object> tenants = measure("region tenants", server, true);
      System.out.printf("%nINBOX %,d open tasks, reviewer in %d of %d groups (%,d visible)%n", TASKS,
          REVIEWER_GROUPS.size(), GROUPS, stock.get("visible"));
      System.out.printf("%-16s %12s %12s %12s %12s%n", "configuration", "page p50 ms", "page p95 ms",
          "count p50 ms", "count p95 ms");
      for (Map<String, Object> row : List.of(stock, tenants)) {
        System.out.printf("%-16s %12.1f %12.1f %12.1f %12.1f%n", row.get("name"), row.get("pageP50"),
            row.get("pageP95"), row.get("countP50"), row.get("countP95"));
      }
      System.out.printf("ratio stock/tenants: page p95 %.1fx, count p95 %.1fx%n",
          (double) stock.get("pageP95") / (double) tenants.get("pageP95"),
          (double) stock.get("countP95") / (double) tenants.get("countP95"));
    }
  }

  private static Map<String, Object> measure(String name, EmbeddedMariaDb.Server server, boolean regionTenants) {
    String database = regionTenants ? "inbox_tenants" : "inbox_stock";
    server.createDatabase(database);
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("bench-" + database);
    // batched inserts as multi-row statements: seeding speed only, the same for both configurations
    configuration.setJdbcUrl(server.url(database) + "&rewriteBatchedStatements=true");
    configuration.setJdbcDriver("com.mysql.cj.jdbc.Driver");
    configuration.setJdbcUsername("root");
    configuration.setJdbcPassword("");
    configuration.setJdbcMaxActiveConnections(4);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setIdGenerator(new StrongUuidGenerator()); // the Spring Boot starter's default
    configuration.setAuthorizationEnabled(true);
    configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9_-]+"); // as the application: region-00
    if (regionTenants) {
      configuration.setResourceAuthorizationProvider(new NoPerTaskGroupAuthorizations());
      configuration.setTenantIdProvider(new RegionTenants());
    }
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      seed(engine, regionTenants);
      engine.getIdentityService().setAuthentication("reviewer", REVIEWER_GROUPS,
          regionTenants ? REVIEWER_GROUPS : null);
      Supplier<List<Task>> page = () -> engine.getTaskService().createTaskQuery()
          .taskCandidateGroupIn(REVIEWER_GROUPS).orderByTaskCreateTime().desc().listPage(0, 20);
      Supplier<Long> count = () -> engine.getTaskService().createTaskQuery()
          .taskCandidateGroupIn(REVIEWER_GROUPS).count();
      long visible = count.get();
      List<Double> pages = time(page);
      List<Double> counts = time(count);
      engine.getIdentityService().clearAuthentication();
      return Map.of("name", name, "visible", visible, "pageP50", percentile(pages, 50),
          "pageP95", percentile(pages, 95), "countP50", percentile(counts, 50), "countP95", percentile(counts, 95));
    } finally {
      engine.close();
    }
  }

  /** The groups, their grants, and TASKS instances of a one-task model spread evenly over the groups. */
  private static void seed(ProcessEngine engine, boolean regionTenants) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (int g = 0; g < GROUPS; g++) {
      String groupId = group(g);
      Group group = engine.getIdentityService().newGroup(groupId);
      engine.getIdentityService().saveGroup(group);
      if (regionTenants) {
        engine.getIdentityService().saveTenant(engine.getIdentityService().newTenant(groupId));
        engine.getIdentityService().createTenantGroupMembership(groupId, groupId);
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(groupId);
        grant.setResource(Resources.TASK);
        grant.setResourceId("*");
        grant.addPermission(Permissions.READ);
        grant.addPermission(Permissions.UPDATE);
        authorizations.saveAuthorization(grant);
      }
    }
    BpmnModelInstance model = Bpmn.createExecutableProcess("InboxBench").camundaHistoryTimeToLive(30)
        .startEvent().userTask("Review").name("乡镇审核").camundaCandidateGroups("${region}").endEvent().done();
    engine.getRepositoryService().createDeployment().addModelInstance("inbox-bench.bpmn", model).deploy();
    long started = System.currentTimeMillis();
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration();
    for (int done = 0; done < TASKS; done += BATCH) {
      int from = done;
      configuration.getCommandExecutorTxRequired().execute(context -> {
        for (int i = from; i < Math.min(from + BATCH, TASKS); i++) {
          engine.getRuntimeService().startProcessInstanceByKey("InboxBench", Map.of("region", group(i % GROUPS)));
        }
        return null;
      });
    }
    System.out.printf("seeded %,d tasks (%s) in %,d s%n", TASKS, regionTenants ? "region tenants" : "stock",
        (System.currentTimeMillis() - started) / 1000);
  }

  private static String group(int g) {
    return String.format("region-%02d", g);
  }

  /**
   * A warm-up, then as many timed runs as fit in about 20 s (at least 3, at most 50), in milliseconds; a query slower
   * than 2 s gets its 3 runs only (the stock inbox can take minutes).
   */
  private static List<Double> time(Supplier<?> query) {
    long first = System.nanoTime();
    query.get();
    boolean slow = System.nanoTime() - first > 2_000_000_000L;
    for (int i = 0; !slow && i < 2; i++) {
      query.get();
    }
    List<Double> millis = new ArrayList<>();
    long until = System.currentTimeMillis() + 20_000;
    while (millis.size() < 50 && (millis.size() < 3 || !slow && System.currentTimeMillis() < until)) {
      long start = System.nanoTime();
      query.get();
      millis.add((System.nanoTime() - start) / 1e6);
    }
    Collections.sort(millis);
    return millis;
  }

  private static double percentile(List<Double> sorted, int p) {
    return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  /** The default provider without the per-task rows for candidate groups (the tenant check does that work). */
  static final class NoPerTaskGroupAuthorizations extends DefaultAuthorizationProvider {
    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
      return null;
    }

    @Override
    public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
      return null;
    }
  }

  /** An instance belongs to the region it is routed to (the routing variable), a called one to its caller's. */
  static final class RegionTenants implements TenantIdProvider {
    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
      if (context.getSuperExecution() != null) {
        return context.getSuperExecution().getTenantId();
      }
      Object region = context.getVariables().get("region");
      return region == null ? null : region.toString();
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
      return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
      return context.getExecution() == null ? null : context.getExecution().getTenantId();
    }
  }
}
