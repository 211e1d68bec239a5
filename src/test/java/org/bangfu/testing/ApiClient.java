package org.bangfu.testing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bangfu.household.IdNumber;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Calls the application's API and the engine REST API as a given demo user, the way a client would. */
public class ApiClient {

  public static final String PASSWORD = "demo";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
  };
  public static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
      new ParameterizedTypeReference<>() {
      };

  private final TestRestTemplate rest;
  /** One client per user: building one (its converters, its ObjectMapper) costs more than a request. */
  private final Map<String, TestRestTemplate> users = new java.util.concurrent.ConcurrentHashMap<>();

  public ApiClient(TestRestTemplate rest) {
    this.rest = rest;
  }

  /** As a demo user; "admin" with the demo administrator's own password. */
  public TestRestTemplate as(String user) {
    return users.computeIfAbsent(user, u -> rest.withBasicAuth(u, "admin".equals(u) ? "admin" : PASSWORD));
  }

  /** As the demo's administrator (its own password, not the demo users'). */
  public ResponseEntity<Map<String, Object>> postAsAdmin(String path, Object body) {
    return users.computeIfAbsent("admin:admin", u -> rest.withBasicAuth("admin", "admin"))
        .exchange(path, HttpMethod.POST, new org.springframework.http.HttpEntity<>(body), MAP);
  }

  public ResponseEntity<Map<String, Object>> get(String user, String path) {
    return as(user).exchange(path, HttpMethod.GET, null, MAP);
  }

  public ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
    return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body), MAP);
  }

  public ResponseEntity<Map<String, Object>> put(String user, String path, Object body) {
    return as(user).exchange(path, HttpMethod.PUT, new HttpEntity<>(body), MAP);
  }

  /** A multipart form post (file uploads): values, and files made with {@link #file}. */
  public ResponseEntity<Map<String, Object>> postForm(String user, String path,
      org.springframework.util.MultiValueMap<String, Object> form) {
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
    return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers), MAP);
  }

  /** A file part of a multipart form, with the file name a browser would send. */
  public static org.springframework.core.io.Resource file(String fileName, byte[] content) {
    return new org.springframework.core.io.ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    };
  }

  public ResponseEntity<List<Map<String, Object>>> getList(String user, String path) {
    return as(user).exchange(path, HttpMethod.GET, null, LIST);
  }

  /**
   * A new, unique and valid 18-digit ID number, unique within the test JVM (one database per JVM) and apart from the
   * demo households' numbers (those use the county prefix 629901, these 629988).
   */
  public static String newIdNumber(int birthYear) {
    int seq = SEQUENCE.incrementAndGet();
    String first17 = "629988" + LocalDate.of(birthYear, 1 + seq % 12, 1 + seq % 28).toString().replace("-", "")
        + String.format("%03d", seq % 1000);
    return first17 + IdNumber.checkChar(first17);
  }

  /**
   * A household body: the first labour capacity is the head's; 12 months of income up to last month giving the
   * per-capita yearly income and rigid spending asked for.
   */
  public static Map<String, Object> household(String village, String kind, int perCapitaYear, int rigidYear,
      String... labour) {
    List<Map<String, Object>> members = new ArrayList<>();
    for (int i = 0; i < labour.length; i++) {
      int birthYear = "NONE".equals(labour[i]) ? (i == 0 ? 1952 : 2015) : 1980 + i;
      members.add(Map.of("name", "成员" + (i + 1), "idNumber", newIdNumber(birthYear),
          "relation", i == 0 ? "HEAD" : i == 1 ? "SPOUSE" : "CHILD", "labourCapacity", labour[i]));
    }
    BigDecimal monthly = BigDecimal.valueOf((long) perCapitaYear * labour.length)
        .divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
    BigDecimal rigid = BigDecimal.valueOf(rigidYear).divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
    List<Map<String, Object>> incomes = new ArrayList<>();
    YearMonth month = YearMonth.now().minusMonths(12);
    for (int i = 0; i < 12; i++, month = month.plusMonths(1)) {
      incomes.add(Map.of("period", month.toString(), "netIncome", monthly, "rigidSpending", rigid));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("headName", "测试户" + SEQUENCE.get());
    body.put("villageCode", village);
    body.put("kind", kind);
    body.put("address", "测试地址");
    body.put("members", members);
    body.put("incomes", incomes);
    return body;
  }

  public long createHousehold(String user, Map<String, Object> body) {
    ResponseEntity<Map<String, Object>> response = post(user, "/api/households", body);
    if (response.getStatusCode().value() != 201) {
      throw new AssertionError("household not created: " + response.getStatusCode() + " " + response.getBody());
    }
    return ((Number) response.getBody().get("id")).longValue();
  }

  public Map<String, Object> openCase(String user, Map<String, Object> signal) {
    ResponseEntity<Map<String, Object>> response = post(user, "/api/cases", signal);
    if (response.getStatusCode().value() != 201) {
      throw new AssertionError("case not opened: " + response.getStatusCode() + " " + response.getBody());
    }
    return response.getBody();
  }

  // --- engine REST API, as Tasklist uses it

  public List<Map<String, Object>> tasks(String user, String businessKey) {
    return getList(user, "/engine-rest/task?processInstanceBusinessKey=" + businessKey).getBody();
  }

  public ResponseEntity<Map<String, Object>> claim(String user, String taskId) {
    return post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user));
  }

  public ResponseEntity<Map<String, Object>> complete(String user, String taskId, Map<String, Object> variables) {
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach((k, v) -> typed.put(k, Map.of("value", v)));
    return post(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", typed));
  }

  /** Claims and completes the single task of the case that this user sees at this step. */
  public void decide(String user, String businessKey, String step, Map<String, Object> variables) {
    Map<String, Object> task = tasks(user, businessKey).stream()
        .filter(t -> step.equals(t.get("taskDefinitionKey"))).findFirst()
        .orElseThrow(() -> new AssertionError(user + " sees no task " + step + " of " + businessKey));
    String id = (String) task.get("id");
    ResponseEntity<Map<String, Object>> claimed = claim(user, id);
    if (claimed.getStatusCode().value() != 204) {
      throw new AssertionError("claim refused: " + claimed.getStatusCode() + " " + claimed.getBody());
    }
    ResponseEntity<Map<String, Object>> completed = complete(user, id, variables);
    if (completed.getStatusCode().value() != 204) {
      throw new AssertionError("completion refused: " + completed.getStatusCode() + " " + completed.getBody());
    }
  }
}
