package org.bangfu.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class MaskedMessageConverterTest {

  @Test
  void masksIdNumbersInAnyMessage() {
    LoggerContext context = new LoggerContext();
    Logger logger = context.getLogger("test");
    LoggingEvent event = new LoggingEvent("x", logger, Level.ERROR,
        "Duplicate entry '11010519491231002X' for key 'uq_member_id_number'; other 629901201608151238.", null,
        null);
    MaskedMessageConverter converter = new MaskedMessageConverter();
    converter.start();
    assertThat(converter.convert(event))
        .isEqualTo("Duplicate entry '110105********002X' for key 'uq_member_id_number'; other 629901********1238.");
  }

  @Test
  void leavesOtherNumbersAlone() {
    assertThat(MaskedMessageConverter.mask("case 629901100201 of 2026, amount 12000.50, 1234567890123456789"))
        .isEqualTo("case 629901100201 of 2026, amount 12000.50, 1234567890123456789");
  }
}
