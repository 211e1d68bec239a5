package org.bangfu.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bangfu.registry.RegistryLoadIT.H;
import org.bangfu.security.BangfuUser;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A registry load whose node stops after a chunk — of the reading, then of the applying — is gone on with by the
 * running app once the dead node's lease has run out: every household compared once and applied once. And households
 * with an open case at the head of the list (more than a chunk of them) do not hold up the others.
 */
class RegistryLoadResumeIT extends MariaDbIntegrationTest {

  static final int HOUSEHOLDS = 1_200;
  static final String DEAD = "node-dead";

  @Autowired
  RegistryLoads loads;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PlatformTransactionManager transactions;

  @Test
  void aLoadStoppedAfterAChunkIsFinishedByAnotherNodeOnce() throws Exception {
    String prefix = "Q" + System.nanoTime() % 100000 + "-";
    List<H> file = new ArrayList<>();
    for (int i = 0; i < HOUSEHOLDS; i++) {
      List<String[]> members = new ArrayList<>();
      members.add(new String[] {"甲" + i, RegistryLoadIT.idNumber(1950, i), "户主", "普通劳动力"});
      members.add(new String[] {"乙" + i, RegistryLoadIT.idNumber(1952, i), "配偶", "普通劳动力"});
      file.add(new H(prefix + i, RegistryLoadIT.VILLAGES[i % RegistryLoadIT.VILLAGES.length], members));
    }
    BangfuUser county = new BangfuUser("approver_county", List.of("county-629901"));
    // uploaded, and held by a node (not this app's runner) in the same transaction
    long id = new TransactionTemplate(transactions).execute(status -> {
      long load = loads.upload("629901", "名册.csv", new ByteArrayInputStream(RegistryLoadIT.csv(file)), county).id();
      jdbc.update("UPDATE bf_registry_load SET lock_owner = ?, locked_until = ? WHERE id = ?", DEAD,
          LocalDateTime.now().plusHours(1), load);
      return load;
    });

    // the node reads one chunk and dies
    loads.continueReading(id, DEAD, () -> LocalDateTime.now().plusHours(1), afterChunks(1));
    assertThat(jdbc.queryForMap("SELECT status, households_read FROM bf_registry_load WHERE id = ?", id))
        .containsEntry("status", "READING").containsEntry("households_read", RegistryLoads.READ_CHUNK);
    assertThat(items(id)).isEqualTo(RegistryLoads.READ_CHUNK);
    var early = api.post("approver_county", "/api/registry-loads/" + id + "/apply", Map.of("includeOpenCases", true));
    assertThat(early.getStatusCode().value()).as("applied before it is read").isEqualTo(409);
    assertThat(early.getBody().toString()).contains("还在读取比对中");
    // its lease runs out: this app's runner goes on from the checkpoint
    jdbc.update("UPDATE bf_registry_load SET locked_until = ? WHERE id = ?", LocalDateTime.now().minusMinutes(1), id);
    Map<String, Object> read = settled(id);
    assertThat(read).containsEntry("status", "READ").containsEntry("householdsRead", HOUSEHOLDS)
        .containsEntry("newCount", HOUSEHOLDS);
    assertThat(items(id)).as("each household compared once").isEqualTo(HOUSEHOLDS);
    assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT household_number) FROM bf_registry_load_item WHERE "
        + "load_id = ?", Integer.class, id)).isEqualTo(HOUSEHOLDS);
    assertThat(jdbc.queryForObject("SELECT stored_path FROM bf_registry_load WHERE id = ?", String.class, id))
        .as("the file is deleted once read").isNull();

    // the first 250 households (more than a chunk) are taken to have open cases: the others are applied past them
    jdbc.update("UPDATE bf_registry_load_item SET open_case = TRUE WHERE load_id = ? AND id IN (SELECT id FROM "
        + "(SELECT id FROM bf_registry_load_item WHERE load_id = ? ORDER BY id LIMIT 250) first)", id, id);
    assertThat(api.post("approver_county", "/api/registry-loads/" + id + "/apply", Map.of()).getStatusCode().value())
        .isEqualTo(202);
    Map<String, Object> held = settled(id);
    assertThat(held).containsEntry("status", "HELD").containsEntry("appliedCount", HOUSEHOLDS - 250);
    assertThat(registered(prefix)).isEqualTo(HOUSEHOLDS - 250);

    // applying the rest: the node applies one chunk and dies; the runner goes on
    jdbc.update("UPDATE bf_registry_load SET status = 'APPLYING', include_open_cases = TRUE, lock_owner = ?, "
        + "locked_until = ? WHERE id = ?", DEAD, LocalDateTime.now().plusHours(1), id);
    loads.continueApplying(id, DEAD, () -> LocalDateTime.now().plusHours(1), afterChunks(1));
    assertThat(registered(prefix)).isEqualTo(HOUSEHOLDS - 250 + RegistryLoads.APPLY_CHUNK);
    jdbc.update("UPDATE bf_registry_load SET locked_until = ? WHERE id = ?", LocalDateTime.now().minusMinutes(1), id);
    Map<String, Object> applied = settled(id);
    assertThat(applied).containsEntry("status", "APPLIED").containsEntry("appliedCount", HOUSEHOLDS)
        .containsEntry("skippedCount", 0);
    assertThat(registered(prefix)).as("each household registered once").isEqualTo(HOUSEHOLDS);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_member m JOIN bf_household h ON h.id = m.household_id "
        + "WHERE h.registry_number LIKE ?", Integer.class, prefix + "%")).isEqualTo(2 * HOUSEHOLDS);
  }

  /** Says "stop" once {@code chunks} chunks have gone (it is asked before each). */
  private static java.util.function.BooleanSupplier afterChunks(int chunks) {
    AtomicInteger asked = new AtomicInteger();
    return () -> asked.incrementAndGet() > chunks;
  }

  private int items(long id) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM bf_registry_load_item WHERE load_id = ?", Integer.class, id);
  }

  private int registered(String prefix) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM bf_household WHERE registry_number LIKE ?", Integer.class,
        prefix + "%");
  }

  private Map<String, Object> settled(long id) {
    return RegistryLoadIT.settled(api, "approver_county", id);
  }
}
