package org.bangfu.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Records the result of every test that carries {@link PolicyRule} (unit tests and integration tests alike, each
 * JVM adding to target/policy/results.tsv) and writes the policy report at the end of each test run.
 */
public class PolicyResultListener implements TestExecutionListener {

  static final Path RESULTS = Path.of("target", "policy", "results.tsv");

  private final Map<String, String> results = new ConcurrentHashMap<>();

  @Override
  public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
    if (!(identifier.getSource().orElse(null) instanceof MethodSource source)) {
      return;
    }
    try {
      Class<?> type = Class.forName(source.getClassName(), false, getClass().getClassLoader());
      boolean marked = false;
      for (var method : type.getDeclaredMethods()) {
        marked |= method.getName().equals(source.getMethodName()) && method.isAnnotationPresent(PolicyRule.class);
      }
      if (!marked) {
        return;
      }
    } catch (ClassNotFoundException | LinkageError e) {
      return;
    }
    String key = source.getJavaClass().getSimpleName() + "#" + source.getMethodName();
    String status = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? "PASSED" : "FAILED";
    // a parameterized test fails when any of its invocations fails
    results.merge(key, status, (a, b) -> "FAILED".equals(a) || "FAILED".equals(b) ? "FAILED" : "PASSED");
  }

  @Override
  public void testPlanExecutionFinished(TestPlan plan) {
    if (results.isEmpty()) {
      return;
    }
    try {
      Map<String, String> all = read();
      all.putAll(results);
      Files.createDirectories(RESULTS.getParent());
      StringBuilder out = new StringBuilder();
      all.forEach((test, status) -> out.append(test).append('\t').append(status).append('\n'));
      Files.writeString(RESULTS, out.toString(), StandardCharsets.UTF_8);
      PolicyReport.write(PolicyCatalogue.load(Path.of("")), all, RESULTS.resolveSibling("report.html"));
    } catch (IOException | RuntimeException e) {
      System.err.println("policy report not written: " + e);
    }
  }

  static Map<String, String> read() throws IOException {
    Map<String, String> results = new TreeMap<>();
    if (Files.exists(RESULTS)) {
      for (String line : Files.readAllLines(RESULTS, StandardCharsets.UTF_8)) {
        String[] parts = line.split("\t");
        if (parts.length == 2) {
          results.put(parts[0], parts[1]);
        }
      }
    }
    return results;
  }
}
