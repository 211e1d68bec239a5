package org.bangfu.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaskedJsonFormatterTest {

  @Test
  void writesOneMaskedJsonObjectWithTheContext() throws Exception {
    LoggingEvent event = new LoggingEvent("x", new LoggerContext().getLogger("org.bangfu.Test"), Level.WARN,
        "member {} refused", new IllegalStateException("duplicate 11010519491231002X"),
        new Object[] {"11010519491231002X"});
    event.setMDCPropertyMap(Map.of("requestId", "r-1", "businessKey", "BF629901-2026-000001"));

    String line = new MaskedJsonFormatter().format(event);

    assertThat(line).endsWith(System.lineSeparator()).doesNotContain("19491231");
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("message").asText()).isEqualTo("member 110105********002X refused");
    assertThat(json.get("level").asText()).isEqualTo("WARN");
    assertThat(json.get("requestId").asText()).isEqualTo("r-1");
    assertThat(json.get("businessKey").asText()).isEqualTo("BF629901-2026-000001");
    assertThat(json.get("error").asText()).contains("IllegalStateException").contains("110105********002X");
  }
}
