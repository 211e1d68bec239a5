package org.bangfu.testing;

import org.bangfu.identification.RiskIdentification;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole application (engine, webapps, REST, demo county) on the embedded
 * MariaDB, on a random port. All subclasses share one Spring context and one database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=false",
    "spring.datasource.driver-class-name=com.mysql.cj.jdbc.Driver",
    "spring.datasource.username=root",
    "spring.datasource.password=",
    "spring.datasource.hikari.transaction-isolation=TRANSACTION_READ_COMMITTED",
    "camunda.bpm.database.schema-update=false", // as in production: the tables come from CamundaSchema
    // the tests run the outbox worker, the deadline watcher and the digest themselves, on a moved engine clock
    "bangfu.mail.dispatch=false",
    "bangfu.supervision.watch=false",
    // the tests wait for their imports; the pause between batches is ImportPropertiesTest's
    "bangfu.imports.busy-share=1",
    "spring.mail.host=127.0.0.1"})
@ActiveProfiles("demo")
@AutoConfigureObservability(tracing = false) // metrics exported as in production (OperationsIT reads them)
public abstract class MariaDbIntegrationTest {

  @Autowired
  protected TestRestTemplate rest;
  @Autowired
  protected RuntimeService runtimeService;
  @Autowired
  protected ManagementService managementService;

  protected ApiClient api;

  /** The port of the SMTP server (GreenMail) the mail tests start and stop; nothing listens there otherwise. */
  protected static final int SMTP_PORT = freePort();

  /**
   * The port of the WeCom and DingTalk robot stub ({@link RobotStub}) the message tests start and stop: the only
   * address a robot's webhook may have in the tests, so that no test ever posts outside this machine.
   */
  protected static final int ROBOT_PORT = freePort();

  /** Uploaded push files of this test run. */
  protected static final java.nio.file.Path IMPORT_DIR = tempDir("bangfu-imports-");

  @DynamicPropertySource
  public static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", EmbeddedMariaDb::jdbcUrl);
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("bangfu.imports.dir", () -> IMPORT_DIR.toString());
    registry.add("bangfu.messages.wecom-webhook-prefix",
        () -> "http://127.0.0.1:" + ROBOT_PORT + RobotStub.WECOM_PATH + "?key=");
    registry.add("bangfu.messages.dingtalk-webhook-prefix",
        () -> "http://127.0.0.1:" + ROBOT_PORT + RobotStub.DINGTALK_PATH + "?access_token=");
  }

  @BeforeEach
  public void apiClient() {
    api = new ApiClient(rest);
  }

  /** The village's public notice period passes without objection: its timer fires (job execution is off). */
  protected void noticePeriodPasses(String businessKey) {
    managementService.executeJob(timer(businessKey).getId());
  }

  /**
   * The single timer of a case, in whichever of its instances it waits (the case process and the processes it
   * calls share the case's business key).
   */
  protected org.camunda.bpm.engine.runtime.Job timer(String businessKey) {
    java.util.List<org.camunda.bpm.engine.runtime.Job> timers = new java.util.ArrayList<>();
    for (var instance : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()) {
      timers.addAll(managementService.createJobQuery().processInstanceId(instance.getId()).timers().list());
    }
    if (timers.size() != 1) {
      throw new AssertionError("expected one timer of " + businessKey + ", found " + timers.size());
    }
    return timers.get(0);
  }

  /** Identification approved at every level: verification, review and notice, asset check, township, county. */
  protected void includeThroughAllLevels(String businessKey, String cadre, String reviewer) {
    api.decide(cadre, businessKey, RiskIdentification.VERIFY_HOUSEHOLD, java.util.Map.of("authorisationSigned", true,
        "verifyFindings", "情况属实", "verifyDecision", "CONFIRM"));
    reviewAndInclude(businessKey, cadre, reviewer);
  }

  /** A new identification (cadre's screening, illness) of a household below the line, waiting at 入户核实. */
  protected String openIdentification(String village, String cadre) {
    return (String) openedIdentification(village, cadre).caseFile().get("businessKey");
  }

  /** A case just opened: its household, its case file as the API answered, and its 入户核实 task as the engine lists it. */
  protected record OpenedCase(long household, java.util.Map<String, Object> caseFile,
      java.util.Map<String, Object> task) {
  }

  /** {@link #openIdentification}, with the household, the case file and the waiting task. */
  protected OpenedCase openedIdentification(String village, String cadre) {
    long household = api.createHousehold(cadre, ApiClient.household(village, "ORDINARY", 7000, 0, "FULL", "NONE"));
    java.util.Map<String, Object> caseFile = api.openCase(cadre, java.util.Map.of("householdId", household,
        "channel", "CADRE_SCREENING", "riskTypes", java.util.List.of("ILLNESS")));
    return new OpenedCase(household, caseFile, api.tasks(cadre, (String) caseFile.get("businessKey")).get(0));
  }

  /** A new identification verified and through the village review and notice, waiting at 乡镇审核. */
  protected String caseAtTownshipReview(String village, String cadre) {
    String businessKey = openIdentification(village, cadre);
    api.decide(cadre, businessKey, RiskIdentification.VERIFY_HOUSEHOLD, java.util.Map.of("authorisationSigned", true,
        "verifyFindings", "情况属实", "verifyDecision", "CONFIRM"));
    villageReview(businessKey, cadre);
    return businessKey;
  }

  /** Democratic review passed, assets clear, the notice period over. */
  protected void villageReview(String businessKey, String cadre) {
    api.decide(cadre, businessKey, RiskIdentification.DEMOCRATIC_REVIEW, java.util.Map.of("reviewDecision", "PASS"));
    api.decide("approver_county", businessKey, RiskIdentification.CROSS_CHECK_ASSETS,
        java.util.Map.of("assetCheckResult", "CLEAR"));
    noticePeriodPasses(businessKey);
  }

  protected void reviewAndInclude(String businessKey, String cadre, String reviewer) {
    api.decide(cadre, businessKey, RiskIdentification.DEMOCRATIC_REVIEW, java.util.Map.of("reviewDecision", "PASS"));
    api.decide("approver_county", businessKey, RiskIdentification.CROSS_CHECK_ASSETS,
        java.util.Map.of("assetCheckResult", "CLEAR"));
    noticePeriodPasses(businessKey);
    api.decide(reviewer, businessKey, RiskIdentification.TOWNSHIP_REVIEW, java.util.Map.of("townshipDecision", "APPROVE"));
    api.decide("approver_county", businessKey, RiskIdentification.COUNTY_APPROVAL,
        java.util.Map.of("countyDecision", "APPROVE"));
  }

  private static java.nio.file.Path tempDir(String prefix) {
    try {
      return java.nio.file.Files.createTempDirectory(prefix);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
