package org.bangfu.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The words our own pages show before their scripts run — text, placeholders, titles — are Chinese: an English word
 * or a raw code there fails this test (names of file formats and of the modelling tool excepted). What the scripts
 * write from the API is checked in the browser tests, which read the rendered pages.
 */
class OurPagesSpeakChineseTest {

  private static final Set<String> ALLOWED = Set.of("CSV", "Excel", "XLSX", "xlsx", "PDF", "Camunda", "Modeler",
      "Ctrl", "dmn",
      // the words of WeCom's and DingTalk's own robot settings, which a county administrator copies from
      "Webhook", "SEC");
  private static final Pattern WORD = Pattern.compile("[A-Za-z]{3,}");

  @Test
  void everyPageSpeaksChinese() throws IOException {
    try (Stream<Path> pages = Files.list(Path.of("src/main/resources/static"))) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
        String html = Files.readString(page);
        String text = html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<style.*?</style>", " ")
            .replaceAll("(?s)<!--.*?-->", " ");
        StringBuilder read = new StringBuilder();
        Matcher attributes = Pattern.compile("(?:placeholder|title|aria-label|alt)=\"([^\"]*)\"").matcher(text);
        while (attributes.find()) {
          read.append(' ').append(attributes.group(1));
        }
        read.append(' ').append(text.replaceAll("<[^>]+>", " "));
        Set<String> english = new TreeSet<>();
        Matcher word = WORD.matcher(read);
        while (word.find()) {
          if (!ALLOWED.contains(word.group())) {
            english.add(word.group());
          }
        }
        assertThat(english).as(page.getFileName().toString()).isEmpty();
      }
    }
  }
}
