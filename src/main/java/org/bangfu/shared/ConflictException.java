package org.bangfu.shared;

/** Answered with 409: the request was valid, but the state of the case no longer allows it. */
public class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
