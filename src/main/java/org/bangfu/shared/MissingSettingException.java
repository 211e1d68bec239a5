package org.bangfu.shared;

/**
 * A rule needs a setting the process owner has not configured (a province's monitoring line for a year, …). The work
 * stops with this message in Chinese; nothing falls back to another year's or a national figure. Answered with 409.
 */
public class MissingSettingException extends RuntimeException {
  public MissingSettingException(String message) {
    super(message);
  }
}
