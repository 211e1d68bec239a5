package org.bangfu.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.logging.structured.StructuredLogFormatter;

/**
 * One JSON object a line, for log collectors (profile {@code json}): time, level, logger, thread, the MDC (request
 * id; the engine's business key = case number, process instance and activity while it executes) and the message
 * and stack trace with every ID number masked.
 */
public class MaskedJsonFormatter implements StructuredLogFormatter<ILoggingEvent> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String format(ILoggingEvent event) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("@timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString());
    line.put("level", event.getLevel().toString());
    line.put("logger", event.getLoggerName());
    line.put("thread", event.getThreadName());
    event.getMDCPropertyMap().forEach((key, value) -> line.put(key, MaskedMessageConverter.mask(value)));
    line.put("message", MaskedMessageConverter.mask(event.getFormattedMessage()));
    if (event.getThrowableProxy() != null) {
      line.put("error", MaskedMessageConverter.mask(ThrowableProxyUtil.asString(event.getThrowableProxy())));
    }
    try {
      return JSON.writeValueAsString(line) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      return "{\"level\":\"ERROR\",\"message\":\"log line could not be written as JSON\"}" + System.lineSeparator();
    }
  }
}
