package org.bangfu.engine;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Refusals of the user's input or of the user are not system errors, but the engine reports them as such (HTTP 500
 * in the REST API and Tasklist):
 * <ul>
 *   <li>whatever a task listener throws is wrapped into "ENGINE-03051 exception while invoking the TaskListener":
 *       the original {@link InvalidDecisionException} (HTTP 400) or {@link AuthorizationException} (HTTP 403) is
 *       handed to the caller with its Chinese message;</li>
 *   <li>completing a task that is already done (a stale inbox, a double click, another user was faster) fails with
 *       "Cannot find task": it is answered as a 400 that says so.</li>
 * </ul>
 * The transaction has been rolled back already, so nothing of the refused command is written.
 */
public class UserErrorInterceptor extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (NotFoundException | NullValueException e) {
      if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
        throw new InvalidDecisionException("taskId", "任务不存在或已经办结（可能已由他人办理），请刷新待办列表");
      }
      throw e;
    } catch (ProcessEngineException e) {
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof InvalidDecisionException || cause instanceof BadUserRequestException
            || cause instanceof AuthorizationException) {
          throw (ProcessEngineException) cause;
        }
      }
      throw e;
    }
  }
}
