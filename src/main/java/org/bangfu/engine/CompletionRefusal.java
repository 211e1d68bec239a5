package org.bangfu.engine;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Why {@link ClaimAndCompleteCmd} refuses a completion, with the HTTP status the application's API answers: 400 for
 * the fields, 403 for a task not the user's, 404 for one outside their region, 409 for one held by a colleague or
 * gone. A {@link BadUserRequestException}, so that the engine counts it as the user's mistake, not its own error
 * (logged at debug level, not as an ERROR with a stack trace).
 */
public class CompletionRefusal extends BadUserRequestException {

  private final int status;
  private final String field;

  CompletionRefusal(int status, String field, String message) {
    super(message);
    this.status = status;
    this.field = field;
  }

  static CompletionRefusal badFields(String message) {
    return new CompletionRefusal(400, "fields", message);
  }

  static CompletionRefusal of(int status, String message) {
    return new CompletionRefusal(status, null, message);
  }

  public int status() {
    return status;
  }

  /** The request's field the refusal is about, or null. */
  public String field() {
    return field;
  }
}
