package org.bangfu.engine;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * A task listener's refusal of what a user entered or did (no decision, no reason for a rejection, a co-signer who
 * has not signed: {@link InvalidDecisionException}, a form rule, an authorization) reaches the engine's command
 * context wrapped in the engine's "exception while invoking the TaskListener" (ENGINE-03051), which the context
 * logs as an ERROR with a stack trace — an operator reading the log could not tell a cadre's empty field from a
 * fault. Placed inside the command context, this interceptor hands such a refusal on as a
 * {@link BadUserRequestException} (which the context logs at debug level) with the refusal as its cause;
 * {@link UserErrorInterceptor}, outside the context, gives the caller the refusal itself, as before (the engine REST
 * API's 400 or 403 with its words). Anything else — a missing setting, a fault in a listener — passes unchanged and
 * is logged as the error it is.
 */
public class ListenerRefusalInterceptor extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (BadUserRequestException | AuthorizationException alreadyTheUsers) {
      throw alreadyTheUsers;
    } catch (RuntimeException e) {
      Throwable refusal = refusal(e);
      if (refusal == null) {
        throw e;
      }
      throw new BadUserRequestException(refusal.getMessage(), refusal);
    }
  }

  /** The user's refusal a wrapped exception carries, or null. */
  static Throwable refusal(RuntimeException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof FormFieldValidationException || cause instanceof BadUserRequestException
          || cause instanceof AuthorizationException) {
        return cause;
      }
    }
    return null;
  }
}
