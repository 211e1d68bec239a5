package org.bangfu.web;

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

  public List<FieldError> errors() {
    return errors;
  }
}
