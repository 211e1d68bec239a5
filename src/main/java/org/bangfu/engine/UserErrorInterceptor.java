package org.bangfu.engine;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine wraps whatever a task listener throws into a generic "ENGINE-03051 exception while invoking the
 * TaskListener" (HTTP 500 in the REST API and Tasklist). A refusal of the user's input or of the user is not a
 * system error: this interceptor hands the original {@link BadUserRequestException} (HTTP 400) or
 * {@link AuthorizationException} (HTTP 403), with its Chinese message, to the caller. The transaction has been
 * rolled back already, so nothing of the refused completion is written.
 */
public class UserErrorInterceptor extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (ProcessEngineException e) {
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof BadUserRequestException || cause instanceof AuthorizationException) {
          throw (ProcessEngineException) cause;
        }
      }
      throw e;
    }
  }
}
