package org.bangfu.engine;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Refusals of the user's input or of the user are not system errors, but the engine reports them as such (HTTP 500
 * in the REST API and Tasklist):
 * <ul>
 *   <li>whatever a task listener throws is wrapped into "ENGINE-03051 exception while invoking the TaskListener":
 *       the original {@link InvalidDecisionException} (HTTP 400) or {@link AuthorizationException} (HTTP 403) is
 *       handed to the caller with its Chinese message;</li>
 *   <li>completing a task that is already done (a stale inbox, a double click, another user was faster at the
 *       same moment) fails with "Cannot find task", an optimistic-locking conflict or a database deadlock: it is
 *       answered as a 409 that says so, and exactly one completion counts.</li>
 * </ul>
 * The transaction has been rolled back already, so nothing of the refused command is written.
 */
public class UserErrorInterceptor extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (RuntimeException e) {
      boolean completion = command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd;
      if (completion && (e instanceof NotFoundException || e instanceof NullValueException || isConflict(e))) {
        // answered by the engine REST API (and so Tasklist) with this status and message
        throw new RestException(Response.Status.CONFLICT, "任务不存在或已经办结（可能已由他人办理），请刷新待办列表");
      }
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof InvalidDecisionException || cause instanceof BadUserRequestException
            || cause instanceof AuthorizationException) {
          throw (ProcessEngineException) cause;
        }
      }
      throw e;
    }
  }

  /** Two transactions on the same task: the engine's optimistic lock or the database's deadlock victim. */
  private static boolean isConflict(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof OptimisticLockingException || cause instanceof ConcurrencyFailureException
          || cause instanceof SQLException sql && "40001".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
