package org.bangfu.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.regex.Pattern;

/**
 * Log messages with every 18-digit ID number masked (region prefix and last four kept), whatever logged it: our code,
 * the engine, the JDBC driver repeating a duplicate key. Used as {@code %msg} in logback-spring.xml.
 */
public class MaskedMessageConverter extends MessageConverter {

  private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?![0-9])");

  @Override
  public String convert(ILoggingEvent event) {
    return mask(super.convert(event));
  }

  public static String mask(String text) {
    return text == null ? null : ID_NUMBER.matcher(text).replaceAll("$1********$2");
  }
}
