package org.bangfu.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tasklist, Cockpit, Admin and the welcome page speak Chinese: every text of the webapps' own English translation
 * (in Camunda's webjar, so a Camunda upgrade that adds texts fails here) has a Chinese text in our zh.json.
 */
class WebappTranslationTest {

  private static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fff]");
  private static final Pattern WORD = Pattern.compile("[A-Za-z]{3,}");
  /** Texts that are the same in Chinese: file formats, a product name, a date pattern. */
  private static final Set<String> UNTRANSLATED = Set.of("PLGN_REP_CSV", "PLGN_REP_JSON",
      "PLGN_BTCH_SET_REMOVAL_TIME_ABSOLUTE_PLACEHOLDER", "AUTHORIZATION_OPTIMIZE");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyTextOfTheWebappHasAChineseText(String app) throws IOException {
    Map<String, String> english = texts("/META-INF/resources/webjars/camunda/app/" + app + "/locales/en.json");
    Map<String, String> chinese = texts("/META-INF/resources/webjars/camunda/app/" + app + "/locales/zh.json");
    assertThat(english).as("Camunda's English texts of %s", app).hasSizeGreaterThan(100);
    assertThat(chinese.keySet()).as("zh.json of %s lacks these texts", app).containsAll(english.keySet());
    chinese.forEach((key, text) -> {
      String words = text.replaceAll("\\{\\{[^}]*}}|<[^>]*>|&\\w+;", "");
      if (!UNTRANSLATED.contains(key) && WORD.matcher(words).find()) {
        assertThat(CHINESE.matcher(text).find()).as("%s %s is still English: %s", app, key, text).isTrue();
      }
    });
  }

  /** The labels as key → text (nested groups as a.b). */
  private static Map<String, String> texts(String resource) throws IOException {
    // our zh.json lies in src/main/resources, Camunda's en.json in its webjar: both on the class path
    try (InputStream in = WebappTranslationTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      Map<String, String> texts = new TreeMap<>();
      flatten("", new ObjectMapper().readTree(in).path("labels"), texts);
      return texts;
    }
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> texts) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getValue().isObject()) {
        flatten(prefix + field.getKey() + ".", field.getValue(), texts);
      } else {
        texts.put(prefix + field.getKey(), field.getValue().asText());
      }
    }
  }
}
