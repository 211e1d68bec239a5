package org.bangfu.it;

import org.springframework.boot.test.context.SpringBootTest;
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
    "camunda.bpm.database.schema-update=true"})
@ActiveProfiles("demo")
public abstract class MariaDbIntegrationTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", EmbeddedMariaDb::jdbcUrl);
  }
}
