package org.bangfu.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bangfu.demo.DemoData;
import org.bangfu.identification.RiskIdentification;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.AppNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded default — what a new user runs first (`./mvnw spring-boot:run`: the H2 file database of
 * application.yml, demo profile) — keeps every completion it acknowledged when it is killed with SIGKILL right after
 * the last one. H2's MVStore writes commits to its file in the background after a delay unless told otherwise: a
 * completion answered 204 in the last moments before the kill would be gone after the restart, its task open again
 * and its audit row missing.
 */
class EmbeddedDefaultCrashIT {

  private static final int CASES = 30;
  /** Cadres completing at once, as fast as they can: enough to keep the server busy on two cores. */
  private static final int CLIENTS = 4;
  private static final Map<String, String> CADRES = Map.of(DemoData.DONGSHAN, "cadre_dongshan",
      DemoData.XIHE, "cadre_xihe", DemoData.NANPING, "cadre_nanping");
  private static final Map<String, Object> VERIFIED = Map.of("authorisationSigned", true,
      "verifyFindings", "情况属实", "verifyDecision", "CONFIRM");

  private final List<AppNode> nodes = new ArrayList<>();

  @AfterEach
  void stopNodes() {
    nodes.forEach(AppNode::close);
  }

  /** A case waiting at 入户核实, its task claimed by the village's cadre. */
  private record Case(long id, String businessKey, String cadre, String taskId) {
  }

  @Test
  void everyCompletionAnswered204SurvivesKillMinus9() throws Exception {
    Path work = Files.createTempDirectory("bangfu-embedded-");
    AppNode node1 = start(work, 1);
    List<Case> cases = openAndClaim(node1.api());

    // the burst: every 204 recorded; the node is killed the moment the last answer is in
    Queue<Case> todo = new ConcurrentLinkedQueue<>(cases);
    Queue<Case> acknowledged = new ConcurrentLinkedQueue<>();
    ApiClient api = node1.api();
    List<Thread> clients = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < CLIENTS; i++) {
      Thread client = new Thread(() -> {
        for (Case c = todo.poll(); c != null; c = todo.poll()) {
          if (api.complete(c.cadre(), c.taskId(), VERIFIED).getStatusCode().value() == 204) {
            acknowledged.add(c);
          }
        }
      }, "cadre-" + i);
      client.start();
      clients.add(client);
    }
    for (Thread client : clients) {
      client.join(300_000);
    }
    long burstMillis = (System.nanoTime() - started) / 1_000_000;
    node1.kill();
    assertThat(acknowledged).as("completions answered 204, see " + node1.log()).hasSize(CASES);

    AppNode node2 = start(work, 2);
    ApiClient after = node2.api();
    List<String> lost = new ArrayList<>();
    for (Case c : acknowledged) {
      boolean open = after.tasks(c.cadre(), c.businessKey()).stream().anyMatch(t -> c.taskId().equals(t.get("id")));
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> audit = (List<Map<String, Object>>) after.get(c.cadre(), "/api/cases/" + c.id())
          .getBody().get("audit");
      boolean audited = audit.stream().anyMatch(e -> c.taskId().equals(e.get("taskId"))
          && RiskIdentification.VERIFY_HOUSEHOLD.equals(e.get("step")));
      if (open || !audited) {
        lost.add(c.businessKey() + (open ? " task open again" : "") + (audited ? "" : " no audit row"));
      }
    }
    System.out.printf("embedded H2, kill -9 right after the last 204: %d completions acknowledged in %d ms "
        + "(%.1f a second, %d clients), %d kept after the restart, %d lost%n", acknowledged.size(), burstMillis,
        acknowledged.size() * 1000.0 / Math.max(1, burstMillis), CLIENTS, acknowledged.size() - lost.size(),
        lost.size());
    assertThat(lost).as("acknowledged completions lost by kill -9").isEmpty();
  }

  private AppNode start(Path work, int n) throws Exception {
    AppNode node = AppNode.startEmbedded(work, n);
    nodes.add(node);
    return node;
  }

  /** CASES new identifications in three villages of 和平镇, each 入户核实 claimed by its cadre. */
  private static List<Case> openAndClaim(ApiClient api) {
    List<String> villages = List.copyOf(CADRES.keySet());
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      String village = villages.get(i % villages.size());
      String cadre = CADRES.get(village);
      long household = api.createHousehold(cadre, ApiClient.household(village, "ORDINARY", 7000, 0, "FULL",
          "NONE"));
      Map<String, Object> opened = api.openCase(cadre, Map.of("householdId", household, "channel",
          "CADRE_SCREENING", "riskTypes", List.of("ILLNESS")));
      String businessKey = (String) opened.get("businessKey");
      String taskId = (String) api.tasks(cadre, businessKey).stream()
          .filter(t -> RiskIdentification.VERIFY_HOUSEHOLD.equals(t.get("taskDefinitionKey"))).findFirst()
          .orElseThrow().get("id");
      assertThat(api.claim(cadre, taskId).getStatusCode().value()).isEqualTo(204);
      cases.add(new Case(((Number) opened.get("id")).longValue(), businessKey, cadre, taskId));
    }
    return cases;
  }
}
