package org.bangfu.testing;

import java.util.Map;
import org.bangfu.catalogue.Department;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Uploads a department push through the API as a user would, and waits for the background import to finish. */
public class ImportHelper {

  private final ApiClient api;

  public ImportHelper(ApiClient api) {
    this.api = api;
  }

  public ResponseEntity<Map<String, Object>> post(String user, Department department, String county,
      String fileName, byte[] content) {
    return post(user, department, null, county, fileName, content);
  }

  /** The same for a dataset: null or "SIGNAL" (预警数据), "INCOME" (收入数据). */
  public ResponseEntity<Map<String, Object>> post(String user, Department department, String dataset, String county,
      String fileName, byte[] content) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("department", department.name());
    if (dataset != null) {
      form.add("dataset", dataset);
    }
    if (county != null) {
      form.add("county", county);
    }
    form.add("file", ApiClient.file(fileName, content));
    return api.postForm(user, "/api/imports", form);
  }

  /** A push file of the layout as CSV (UTF-8 with a BOM, as Excel saves it): the header, then the rows. */
  public static byte[] csv(org.bangfu.screening.PushLayout layout, java.util.List<java.util.List<String>> rows) {
    StringBuilder out = new StringBuilder("\uFEFF").append(String.join(",", layout.headers())).append("\r\n");
    for (java.util.List<String> row : rows) {
      out.append(String.join(",", row)).append("\r\n");
    }
    return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Uploads and returns the import's progress once it is no longer running. */
  public Map<String, Object> upload(String user, Department department, String fileName, byte[] content) {
    return finished(post(user, department, null, fileName, content));
  }

  public Map<String, Object> finished(ResponseEntity<Map<String, Object>> accepted) {
    if (accepted.getStatusCode().value() != 202) {
      throw new AssertionError("upload not accepted: " + accepted.getStatusCode() + " " + accepted.getBody());
    }
    long id = ((Number) accepted.getBody().get("id")).longValue();
    long until = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < until) {
      Map<String, Object> progress = api.get("approver_county", "/api/imports/" + id).getBody();
      if (!"RUNNING".equals(progress.get("status"))) {
        return progress;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("import " + id + " did not finish within a minute");
  }
}
