package org.bangfu.shared;

import java.util.List;

/** Answered with 400, naming each field that was wrong and why, in words a cadre understands. */
public class InvalidInputException extends RuntimeException {

  public record FieldError(String field, String message) {
  }

  private final List<FieldError> errors;

  public InvalidInputException(List<FieldError> errors) {
    super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""));
    this.errors = List.copyOf(errors);
  }

  public static InvalidInputException of(String field, String message) {
    return new InvalidInputException(List.of(new FieldError(field, message)));
  }

  /** Checks a list's page and size (at most 200 rows a page). */
  public static void requireValidPage(int page, int size) {
    if (page < 0 || size < 1 || size > 200) {
      throw of("size", "每页条数应在1到200之间，页码不能为负");
    }
    if ((long) page * size > 10_000_000L) {
      throw of("page", "页码过大");
    }
  }

  public List<FieldError> errors() {
    return errors;
  }
}
