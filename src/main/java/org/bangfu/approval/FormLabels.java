package org.bangfu.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The labels cadres know the process variables by: each form field's label, and each option's label (APPROVE →
 * 同意), read from the deployed forms on the class path. Used to say what changed since a return in their words.
 */
@Component
public class FormLabels {

  private final Map<String, String> labels = new HashMap<>();
  private final Map<String, Map<String, String>> options = new HashMap<>();

  public FormLabels() {
    ObjectMapper json = new ObjectMapper();
    try {
      for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
        try (InputStream in = form.getInputStream()) {
          collect(json.readTree(in).path("components"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void collect(JsonNode components) {
    for (JsonNode field : components) {
      String key = field.path("key").asText(null);
      if (key != null && field.hasNonNull("label")) {
        labels.putIfAbsent(key, field.get("label").asText());
        for (JsonNode option : field.path("values")) {
          options.computeIfAbsent(key, k -> new HashMap<>())
              .putIfAbsent(option.path("value").asText(), option.path("label").asText());
        }
      }
      collect(field.path("components"));
    }
  }

  public String label(String variable) {
    return labels.getOrDefault(variable, variable);
  }

  /** A value as the form shows it: the option's label, 是/否, or the text. */
  public String value(String variable, String value) {
    if (value == null || value.isEmpty()) {
      return "（空）";
    }
    if ("true".equals(value) || "false".equals(value)) {
      return "true".equals(value) ? "是" : "否";
    }
    return options.getOrDefault(variable, Map.of()).getOrDefault(value, value);
  }
}
