package org.bangfu.shared;

/** Answered with 403: the caller sees the thing but may not do this to it. */
public class ForbiddenException extends RuntimeException {
  public ForbiddenException(String message) {
    super(message);
  }
}
