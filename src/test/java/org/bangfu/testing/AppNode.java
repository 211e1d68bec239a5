package org.bangfu.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;

/**
 * The application as a separate JVM (the test's classpath, demo profile) on a database of its own, for the tests
 * that kill it with SIGKILL or take its database away — what a county's server would live through — and for the
 * benchmarks (which also launch the stock Camunda application with it).
 */
public final class AppNode implements AutoCloseable {

  private final Process process;
  private final int port;
  private final File log;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String probe;
  private final long launched = System.nanoTime();

  private AppNode(Process process, int port, File log, String probe) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.probe = probe;
  }

  /**
   * Starts node {@code n} on the database {@code url} (job execution, mail dispatch and the supervision watch off
   * unless {@code extra} says otherwise) and waits until it answers.
   */
  public static AppNode start(String url, Path work, int n, String... extra) throws Exception {
    return startWithHeap(url, work, n, "768m", extra);
  }

  /** As {@link #start}, with this maximum heap (e.g. "256m": what a small server gives the application). */
  public static AppNode startWithHeap(String url, Path work, int n, String heap, String... extra) throws Exception {
    List<String> options = new ArrayList<>(List.of("--spring.datasource.url=" + url,
        "--spring.datasource.username=root", "--spring.datasource.password=",
        "--spring.datasource.driver-class-name=com.mysql.cj.jdbc.Driver",
        "--spring.datasource.hikari.transaction-isolation=TRANSACTION_READ_COMMITTED"));
    options.addAll(List.of(extra));
    return launch("org.bangfu.BangfuApplication", "/api/me", work, n, bangfuOptions(work, options), heap);
  }

  /**
   * Starts node {@code n} on the embedded default, as a new user runs it: the datasource of application.yml untouched
   * (an H2 file database under {@code work}/db), demo profile; otherwise as {@link #start}.
   */
  public static AppNode startEmbedded(Path work, int n, String... extra) throws Exception {
    return launch("org.bangfu.BangfuApplication", "/api/me", work, n, bangfuOptions(work, List.of(extra)));
  }

  /** The demo profile, the data folder {@code work}, the background workers off; then {@code extra}. */
  private static List<String> bangfuOptions(Path work, List<String> extra) {
    List<String> options = new ArrayList<>(List.of("--spring.profiles.active=demo",
        "--bangfu.data-dir=" + work, "--bangfu.imports.dir=" + work.resolve("imports"),
        "--bangfu.mail.dispatch=false", "--bangfu.supervision.watch=false",
        "--camunda.bpm.job-execution.enabled=false", "--management.prometheus.metrics.export.enabled=false"));
    options.addAll(extra);
    return options;
  }

  /**
   * Starts {@code mainClass} from the test's classpath as node {@code n} with these options (a later one wins over an
   * earlier one with the same name) and waits until a GET of {@code probe} is answered with 200.
   */
  public static AppNode launch(String mainClass, String probe, Path work, int n, List<String> given) throws Exception {
    return launch(mainClass, probe, work, n, given, "768m");
  }

  private static AppNode launch(String mainClass, String probe, Path work, int n, List<String> given, String heap)
      throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Map<String, String> options = new LinkedHashMap<>();
    for (String option : given) {
      // given twice on the command line, Spring would bind "false,true"
      options.put(option.substring(0, option.indexOf('=')), option);
    }
    options.put("--server.port", "--server.port=" + port);
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap));
    // a profile of a benchmark's node: -Dbangfu.bench.node-jvm-options="-XX:StartFlightRecording=filename=node.jfr"
    // the tests' own options (pom.xml: the C1 compiler only), none in a benchmark
    String jvmOptions = System.getProperty("bangfu.bench.node-jvm-options", "") + " "
        + System.getProperty("bangfu.test.node-jvm-options", "");
    if (!jvmOptions.isBlank()) {
      command.addAll(List.of(jvmOptions.trim().split("\\s+")));
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(options.values());
    File log = work.resolve("node-" + n + ".log").toFile();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    AppNode node = new AppNode(process, port, log, probe);
    long until = System.currentTimeMillis() + 240_000;
    while (System.currentTimeMillis() < until) {
      assertThat(process.isAlive()).as("node " + n + " running, see " + log).isTrue();
      if (node.answers()) {
        return node;
      }
      Thread.sleep(500);
    }
    node.close();
    throw new AssertionError("node " + n + " did not start, see " + log);
  }

  /** Whether the probe is answered: for Bangfu a signed-in request (the sign-in reads the database). */
  public boolean answers() throws InterruptedException {
    try {
      return http.send(request("approver_county", probe).GET().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  public int port() {
    return port;
  }

  public File log() {
    return log;
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no transaction finished. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** The application API and the engine REST API of this node, as the in-process tests use them. */
  public ApiClient api() {
    return new ApiClient(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)
        .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(90))));
  }

  public HttpRequest.Builder request(String user, String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + ApiClient.PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .timeout(Duration.ofSeconds(60));
  }

  public String get(String user, String path) throws Exception {
    HttpResponse<String> response = http.send(request(user, path).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  /**
   * A department push uploaded to {@code /api/imports} as the import page sends it (multipart: the department and
   * the file); the answer as it comes (202 with the import, or the refusal).
   */
  public HttpResponse<String> upload(String user, String department, String fileName, byte[] content)
      throws Exception {
    String boundary = "----bangfu" + java.util.UUID.randomUUID();
    var body = new java.io.ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"department\"\r\n\r\n" + department
        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    // a hostile file is refused once it is read through: minutes for a large one on a loaded machine
    return send(request(user, "/api/imports").timeout(Duration.ofMinutes(3))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
  }

  public HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The operating system's process of this node (for its memory). */
  public long pid() {
    return process.pid();
  }

  /** Nanoseconds from the launch until now. */
  public long sinceLaunch() {
    return System.nanoTime() - launched;
  }

  /** The first column of the first row of a query on a node's database, as a number. */
  public static int intQuery(java.sql.Connection db, String sql) throws java.sql.SQLException {
    try (java.sql.Statement statement = db.createStatement(); java.sql.ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getInt(1);
    }
  }

  /** The first column of the first row of a query on a node's database, as text. */
  public static String stringQuery(java.sql.Connection db, String sql) throws java.sql.SQLException {
    try (java.sql.Statement statement = db.createStatement(); java.sql.ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getString(1);
    }
  }

  @Override
  public void close() {
    if (System.getProperty("bangfu.bench.node-jvm-options", "").contains("FlightRecording")) {
      // a profiled node stops gently, so that its recording is written
      process.destroy();
      try {
        process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    process.destroyForcibly();
  }
}
