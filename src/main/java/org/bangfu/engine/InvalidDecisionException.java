package org.bangfu.engine;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A task completion refused because of what the user entered (no decision, no reason for a rejection, an unknown
 * measure code…). A form-field validation error to the engine, so the REST API and Tasklist answer 400 with the
 * message, instead of 500.
 */
public class InvalidDecisionException extends FormFieldValidationException {

  public InvalidDecisionException(String field, String message) {
    super(field, message);
  }
}
