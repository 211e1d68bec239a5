package org.bangfu.replica;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.flyway.FlywayDataSource;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * With a replica configured ({@code bangfu.replica.url}), the application's data source is Spring's
 * {@link LazyConnectionDataSourceProxy} over the primary's pool, whose read-only transactions take their connection
 * from {@link ReadRouting}: the replica's pool inside a {@link ReadSide} read that chose it, the primary otherwise.
 * Everything else — the engine, Flyway, every write — uses the primary as before. Without a replica this class does
 * nothing and Spring Boot's one pool serves all.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${bangfu.replica.url:}'.isBlank()")
@org.springframework.boot.context.properties.EnableConfigurationProperties(ReplicaProperties.class)
class ReplicaConfiguration {

  /** The primary's pool, as Spring Boot would build it from spring.datasource.*; migrations run on it directly. */
  @Bean
  @FlywayDataSource
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource primaryPool(DataSourceProperties properties) {
    HikariDataSource pool = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    pool.setPoolName("bangfu-primary");
    return pool;
  }

  /**
   * The replica's pool: read-only connections, READ COMMITTED as the primary's, a short wait for a connection (a
   * replica that does not answer sends the reads to the primary instead of holding the page), and a start that does
   * not wait for the replica (a county's application runs while its replica is down). Not a DataSource bean: the
   * application's health is the primary's; a replica down shows on the dashboard and in the lag metric, it does not
   * take the node out of its load balancer.
   */
  @Bean
  ReplicaPool replicaPool(ReplicaProperties replica, DataSourceProperties primary) {
    replica.requireComplete();
    HikariDataSource pool = new HikariDataSource();
    pool.setPoolName("bangfu-replica");
    pool.setJdbcUrl(replica.url());
    pool.setUsername(replica.username());
    pool.setPassword(replica.password() == null ? "" : replica.password());
    if (primary.getDriverClassName() != null) {
      pool.setDriverClassName(primary.getDriverClassName());
    }
    pool.setReadOnly(true);
    pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    pool.setMaximumPoolSize(replica.poolSize());
    pool.setConnectionTimeout(2_000);
    pool.setInitializationFailTimeout(-1);
    return new ReplicaPool(pool);
  }

  /** The replica's connection pool, closed with the application. */
  record ReplicaPool(HikariDataSource pool) implements AutoCloseable {
    @Override
    public void close() {
      pool.close();
    }
  }

  @Bean
  @Primary
  DataSource dataSource(HikariDataSource primaryPool, ReplicaPool replicaPool) {
    LazyConnectionDataSourceProxy dataSource = new LazyConnectionDataSourceProxy(primaryPool);
    dataSource.setReadOnlyDataSource(new ReadRouting(primaryPool, replicaPool.pool()));
    return dataSource;
  }

  @Bean
  ReplicaLag replicaLag(HikariDataSource primaryPool, ReplicaPool replicaPool, ReplicaProperties replica,
      ObjectProvider<MeterRegistry> meters) {
    ReplicaLag lag = new ReplicaLag(primaryPool, replicaPool.pool(), replica.maxLag(), replica.heartbeatInterval());
    meters.ifAvailable(registry -> Gauge.builder("bangfu.replica.lag", lag, ReplicaLag::secondsBehind)
        .description("How old the read replica's data is at most, in seconds (-1: not reachable or no heartbeat)")
        .baseUnit("seconds").register(registry));
    return lag;
  }
}
