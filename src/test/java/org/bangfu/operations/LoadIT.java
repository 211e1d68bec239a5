package org.bangfu.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.bangfu.demo.DemoData;
import org.bangfu.identification.RiskIdentification;
import org.bangfu.inbox.InboxFilter;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 50 simulated users against the application on the embedded MariaDB for a bounded time: 30 village cadres open
 * cases and work their inbox (入户核实, 民主评议), 10 county approvers take the 资产核查 of those cases from theirs, 10
 * township reviewers and supervisors read inboxes, cases and the supervision dashboard. Every request must succeed,
 * no case may be lost (each completion confirmed to a user is in the case's audit), and the latency percentiles of
 * each kind of request are printed. The time is {@code -Dbangfu.load.seconds} (45 in the test run); nothing here
 * fails on time.
 */
class LoadIT extends MariaDbIntegrationTest {

  private static final int SECONDS = Integer.getInteger("bangfu.load.seconds", 45);
  private static final String[][] VILLAGES = {
      {DemoData.DONGSHAN, "cadre_dongshan"}, {DemoData.XIHE, "cadre_xihe"}, {DemoData.NANPING, "cadre_nanping"},
      {DemoData.LIUSHU, "cadre_liushu"}, {DemoData.XINGHUA, "cadre_xinghua"}, {DemoData.SHIQIAO, "cadre_shiqiao"}};
  private static final String[] READERS = {"reviewer_heping", "reviewer_fumin", "supervisor_county"};

  @Autowired
  private JdbcTemplate jdbc;

  private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
  /** Completions confirmed to the users (HTTP 204), per case. */
  private final Map<String, AtomicInteger> confirmed = new ConcurrentHashMap<>();
  private final LinkedBlockingQueue<String> assetChecks = new LinkedBlockingQueue<>();

  private volatile String groupFilter;

  @Test
  void fiftyUsersWorkForABoundedTimeWithoutAnErrorOrALostCase() throws Exception {
    for (String[] village : VILLAGES) {
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_region WHERE code = ?", Integer.class, village[0]))
          .as(village[0]).isEqualTo(1);
    }
    long until = System.currentTimeMillis() + SECONDS * 1000L;
    List<Thread> users = new ArrayList<>();
    CountDownLatch ready = new CountDownLatch(50);
    for (int i = 0; i < 30; i++) {
      String[] village = VILLAGES[i % VILLAGES.length];
      users.add(user("village-" + i, ready, until, () -> cadre(village[0], village[1])));
    }
    for (int i = 0; i < 10; i++) {
      users.add(user("county-" + i, ready, until, this::countyApprover));
    }
    for (int i = 0; i < 10; i++) {
      String reader = READERS[i % READERS.length];
      users.add(user("reader-" + i, ready, until, () -> reader(reader)));
    }
    users.forEach(Thread::start);
    for (Thread user : users) {
      user.join(SECONDS * 1000L + 180_000);
    }

    print();
    assertThat(errors).as("failed requests").isEmpty();
    assertThat(confirmed).as("cases opened").isNotEmpty();
    // nothing lost: each case's audit holds exactly the completions confirmed to its users, each case runs
    for (Map.Entry<String, AtomicInteger> entry : confirmed.entrySet()) {
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_case_audit a JOIN bf_case c ON c.id = a.case_id "
          + "WHERE c.business_key = ? AND a.task_id IS NOT NULL", Integer.class, entry.getKey()))
          .as("audit of %s", entry.getKey()).isEqualTo(entry.getValue().get());
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(entry.getKey()).count())
          .as("%s runs", entry.getKey()).isPositive();
    }
  }

  private Thread user(String name, CountDownLatch ready, long until, Supplier<Boolean> round) {
    return new Thread(() -> {
      ready.countDown();
      try {
        ready.await();
      } catch (InterruptedException e) {
        return;
      }
      while (System.currentTimeMillis() < until) {
        if (!round.get()) {
          pause(100);
        }
      }
    }, name);
  }

  /** A cadre opens a case, looks at the inbox, verifies, reads the case, passes the democratic review. */
  private boolean cadre(String village, String cadre) {
    long household = timed("open", () -> api.post(cadre, "/api/households",
        ApiClient.household(village, "ORDINARY", 7000, 0, "FULL", "NONE")), 201);
    if (household < 0) {
      return true;
    }
    Map<String, Object> opened = api.post(cadre, "/api/cases", Map.of("householdId", household, "channel",
        "CADRE_SCREENING", "riskTypes", List.of("ILLNESS"))).getBody();
    if (opened == null || opened.get("businessKey") == null) {
      errors.add("case not opened: " + opened);
      return true;
    }
    String businessKey = (String) opened.get("businessKey");
    confirmed.put(businessKey, new AtomicInteger());
    inbox(cadre);
    if (!decide(cadre, businessKey, RiskIdentification.VERIFY_HOUSEHOLD, Map.of("authorisationSigned", true,
        "verifyFindings", "情况属实", "verifyDecision", "CONFIRM"))) {
      return true;
    }
    assetChecks.add(businessKey);
    timed("caseRead", () -> api.get(cadre, "/api/cases/" + opened.get("id")), 200);
    decide(cadre, businessKey, RiskIdentification.DEMOCRATIC_REVIEW, Map.of("reviewDecision", "PASS"));
    return true;
  }

  /** A county approver takes the next asset check, with a look at the inbox first. */
  private boolean countyApprover() {
    String businessKey;
    try {
      businessKey = assetChecks.poll(500, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      return false;
    }
    if (businessKey == null) {
      return false;
    }
    inbox("approver_county");
    decide("approver_county", businessKey, RiskIdentification.CROSS_CHECK_ASSETS,
        Map.of("assetCheckResult", "CLEAR"));
    return true;
  }

  /** Reviewers and supervisors read: an inbox, the cases of the county, the supervision dashboard. */
  private boolean reader(String user) {
    String group = user.equals("reviewer_heping") ? "township-" + DemoData.TOWNSHIP_HEPING
        : user.equals("reviewer_fumin") ? "township-" + DemoData.TOWNSHIP_FUMIN : null;
    if (group != null) {
      inbox(user);
    }
    String region = group == null ? DemoData.COUNTY : group.substring("township-".length());
    timed("caseList", () -> api.getList(user, "/api/cases?region=" + region + "&size=20"), 200);
    if (group == null) {
      timed("dashboard", () -> api.get(user, "/api/supervision/" + DemoData.COUNTY), 200);
    }
    pause(200);
    return true;
  }

  /**
   * Tasklist's requests for an inbox, through the engine REST API: the first page of 20 of the standard filter
   * 本组待办 (newest first, active tasks, as Tasklist sorts it) and the filter's count.
   */
  private void inbox(String user) {
    String filter = groupFilter(user);
    timed("inboxPage", () -> api.as(user).exchange("/engine-rest/filter/" + filter
        + "/list?firstResult=0&maxResults=20", HttpMethod.POST, new HttpEntity<>(Map.of("sorting",
            List.of(Map.of("sortBy", "created", "sortOrder", "desc")), "active", true)), List.class), 200);
    timed("inboxCount", () -> api.get(user, "/engine-rest/filter/" + filter + "/count"), 200);
  }

  /** The filter's id, as Tasklist reads it from the filter list once. */
  private String groupFilter(String user) {
    if (groupFilter == null) {
      groupFilter = (String) api.getList(user, "/engine-rest/filter?resourceType=Task&name="
          + InboxFilter.GROUP.title()).getBody().get(0).get("id");
    }
    return groupFilter;
  }

  private boolean decide(String user, String businessKey, String step, Map<String, Object> variables) {
    List<Map<String, Object>> tasks = api.tasks(user, businessKey);
    String id = tasks.stream().filter(t -> step.equals(t.get("taskDefinitionKey"))).map(t -> (String) t.get("id"))
        .findFirst().orElse(null);
    if (id == null) {
      errors.add(user + " sees no task " + step + " of " + businessKey);
      return false;
    }
    if (timed("claim", () -> api.claim(user, id), 204) == -1) {
      return false;
    }
    if (timed("complete", () -> api.complete(user, id, variables), 204) == -1) {
      return false;
    }
    confirmed.get(businessKey).incrementAndGet();
    return true;
  }

  /** Times a request; an unexpected status is an error. The created id for a 201, else 0; -1 on an error. */
  private long timed(String kind, Supplier<? extends ResponseEntity<?>> request, int expected) {
    long start = System.nanoTime();
    ResponseEntity<?> response;
    try {
      response = request.get();
    } catch (RuntimeException e) {
      errors.add(kind + ": " + e);
      return -1;
    }
    latencies.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - start);
    if (response.getStatusCode().value() != expected) {
      errors.add(kind + ": " + response.getStatusCode() + " " + response.getBody());
      return -1;
    }
    return expected == 201 && response.getBody() instanceof Map<?, ?> body && body.get("id") instanceof Number n
        ? n.longValue() : 0;
  }

  private void print() {
    StringBuilder report = new StringBuilder(String.format("%nload: 50 users for %d s on the embedded MariaDB, "
        + "%d cases opened, %d errors%n%-11s %8s %8s %8s %8s %8s%n", SECONDS, confirmed.size(), errors.size(),
        "request", "count", "per s", "p50 ms", "p95 ms", "p99 ms"));
    for (Map.Entry<String, ConcurrentLinkedQueue<Long>> entry : new TreeMap<>(latencies).entrySet()) {
      List<Long> values = new ArrayList<>(entry.getValue());
      Collections.sort(values);
      report.append(String.format("%-11s %8d %8.1f %8.1f %8.1f %8.1f%n", entry.getKey(), values.size(),
          values.size() / (double) SECONDS, percentile(values, 50), percentile(values, 95),
          percentile(values, 99)));
    }
    System.out.println(report);
  }

  private static double percentile(List<Long> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1_000_000.0;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
