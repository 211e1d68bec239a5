package org.bangfu.bench;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bangfu.it.EmbeddedMariaDb;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (not a test: run with {@code ./mvnw -B verify -Pbench}; never in CI): a reviewer's inbox — the first
 * page of 20 and the count — with 100k open tasks (-Dbangfu.bench.tasks), authorization on, a township reviewer in 3
 * of a county's 18 candidate groups (a sixth of the tasks), on an embedded MariaDB on loopback, in two engine configurations built in
 * the same run on the same model and data:
 * <ul>
 *   <li><b>stock</b>: Camunda 7.24's defaults — the default authorization provider writes a TASK authorization per
 *       candidate group of each task, and the query joins them;</li>
 *   <li><b>region tenants</b>: each instance belongs to its region as a tenant (a {@code TenantIdProvider} reads the
 *       routing variable), no per-task authorization rows, the groups hold TASK READ/UPDATE on {@code *}, and the
 *       engine's tenant check (an indexed {@code TENANT_ID_ IN (...)}) keeps each user to their regions.</li>
 * </ul>
 * A spike towards the inbox design of the benchmark issue; prints p50/p95 and the ratio. On the stock data it also
 * times the supervision dashboard (DashboardFigures).
 */
class InboxBench {

  private static final int TASKS = Integer.getInteger("bangfu.bench.tasks", 100_000);
  private static final String COUNTY = "629901";
  /** A county's candidate groups as the application names them: 12 villages, 4 townships, the county, a department. */
  private static final List<String> GROUPS = groups();
  private static final int GROUP_COUNT = GROUPS.size();
  /** A township reviewer: the township's group and two of its villages' (in the absence of their cadres). */
  private static final List<String> REVIEWER_GROUPS = List.of("township-629901100", "village-629901100201",
      "village-629901100202");
  private static final int STEPS = 6;

  static {
    BenchLogging.quiet();
  }

  @Test
  void aReviewersInboxAtOneHundredThousandOpenTasks() {
    try (EmbeddedMariaDb.Server server = EmbeddedMariaDb.newServer()) {
      Map<String, Object> stock = measure("stock", server, false);
      Map<String, Object> tenants = measure("region tenants", server, true);
      System.out.printf("%nINBOX %,d open tasks, reviewer in %d of %d groups (%,d visible)%n", TASKS,
          REVIEWER_GROUPS.size(), GROUP_COUNT, stock.get("visible"));
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
    StandaloneProcessEngineConfiguration configuration = BenchEngine.stock(server, database);
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
      List<Double> pages = BenchEngine.time(page);
      List<Double> counts = BenchEngine.time(count);
      engine.getIdentityService().clearAuthentication();
      if (!regionTenants) {
        DashboardFigures.measure(engine, COUNTY, GROUPS, STEPS);
      }
      return Map.of("name", name, "visible", visible, "pageP50", BenchEngine.percentile(pages, 50),
          "pageP95", BenchEngine.percentile(pages, 95), "countP50", BenchEngine.percentile(counts, 50),
          "countP95", BenchEngine.percentile(counts, 95));
    } finally {
      BenchEngine.close(engine);
    }
  }

  /**
   * The groups, their grants, and TASKS instances of a model with one of 6 steps each, spread evenly over the groups;
   * a fifth of the tasks overdue (due yesterday), a fifth due in two days, the others in ten.
   */
  private static void seed(ProcessEngine engine, boolean regionTenants) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (String groupId : GROUPS) {
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
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess("InboxBench").camundaHistoryTimeToLive(30).startEvent()
        .exclusiveGateway("Gateway_Step");
    for (int step = 0; step < STEPS; step++) {
      flow = flow.moveToNode("Gateway_Step").condition("step " + step, "${step == " + step + "}")
          .userTask("Activity_Step" + step).name("步骤" + step).camundaCandidateGroups("${region}")
          .camundaDueDate("${due}").endEvent().moveToNode("Gateway_Step");
    }
    engine.getRepositoryService().createDeployment().addModelInstance("inbox-bench.bpmn", flow.done()).deploy();
    long started = System.currentTimeMillis();
    Date overdue = new Date(started - 86_400_000L);
    Date soon = new Date(started + 2 * 86_400_000L);
    Date due = new Date(started + 10 * 86_400_000L);
    BenchEngine.inBatches(engine, TASKS, i -> engine.getRuntimeService().startProcessInstanceByKey("InboxBench",
        Map.of("region", GROUPS.get(i % GROUP_COUNT), "step", (i / GROUP_COUNT) % STEPS,
            "due", i % 5 == 0 ? overdue : i % 5 == 1 ? soon : due)));
    System.out.printf("seeded %,d tasks (%s) in %,d s%n", TASKS, regionTenants ? "region tenants" : "stock",
        (System.currentTimeMillis() - started) / 1000);
  }

  private static List<String> groups() {
    List<String> groups = new ArrayList<>();
    for (int township = 0; township < 4; township++) {
      groups.add("township-6299011" + String.format("%02d", township));
      for (int village = 1; village <= 3; village++) {
        groups.add("village-6299011" + String.format("%02d", township) + "20" + village);
      }
    }
    groups.add("county-" + COUNTY);
    groups.add("dept-CIVIL-" + COUNTY);
    return List.copyOf(groups);
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
