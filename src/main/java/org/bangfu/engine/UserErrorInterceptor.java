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
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import java.util.function.Supplier;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Refusals of the user's input or of the user are not system errors, but the engine reports them as such (HTTP 500
 * in the REST API and Tasklist):
 * <ul>
 *   <li>whatever a task listener throws is wrapped into "ENGINE-03051 exception while invoking the TaskListener":
 *       the original {@link InvalidDecisionException} (HTTP 400) or {@link AuthorizationException} (HTTP 403) is
 *       handed to the caller with its Chinese message;</li>
 *   <li>completing a task that is already done (a stale inbox, a double click, another user was faster at the
 *       same moment) fails with "Cannot find task", an optimistic-locking conflict or a database deadlock: it is
 *       answered as a 409 that says so, and exactly one completion counts;</li>
 *   <li>any other command that lost a race (two claims of one task at the same moment) or a claim of a task
 *       someone else holds is answered as a 409 in Chinese, never the engine's English 500;</li>
 *   <li>a password that breaks the password policy ("Password does not match policy", HTTP 500 in the REST API) is
 *       refused as a 400 that lists the rules ({@link PasswordRules});</li>
 *   <li>a step whose rule needs a setting nobody configured ({@link org.bangfu.shared.MissingSettingException}, the
 *       year's monitoring line at the exit assessment) is refused as a 409 with the message that names it;</li>
 *   <li>a completion that lost a race with <em>another</em> step of the same case (the parallel branch of 民主评议
 *       and 资产核查 completed at the same moment, a timer firing) is run again, up to {@value #RETRIES} times, in a
 *       new transaction — the user sees a success, not a conflict, and nothing is written twice. Inside a caller's
 *       transaction (batch approval) there is no retry: the caller's transaction decides.</li>
 * </ul>
 * The transaction has been rolled back already, so nothing of the refused command is written.
 */
public class UserErrorInterceptor extends CommandInterceptor {

  /** Times a completion that lost a race with another step of its case is run again. */
  static final int RETRIES = 4;

  /** What the engine's SaveUserCmd says of a password the policy refuses. */
  static final String POLICY_REFUSAL = "Password does not match policy";

  private final Supplier<PasswordPolicy> passwordPolicy;

  public UserErrorInterceptor() {
    this(() -> null);
  }

  /** An id nobody may see: gone, mistyped, or another region's (the same words, so that nothing is given away). */
  static final String NOT_FOUND = "请求的任务或记录不存在（可能已经办结或被删除）";

  /** With the engine's password policy, looked up when a password is refused (it is made after the interceptors). */
  public UserErrorInterceptor(Supplier<PasswordPolicy> passwordPolicy) {
    this.passwordPolicy = passwordPolicy;
  }

  @Override
  public <T> T execute(Command<T> command) {
    boolean completion = command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd;
    for (int attempt = 1; ; attempt++) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        if (completion && attempt <= RETRIES && isConflict(e) && !(e instanceof NotFoundException)
            && !TransactionSynchronizationManager.isActualTransactionActive()) {
          // another step of the same case (a parallel branch, a timer) changed the case at the same moment: the
          // rolled-back completion is run again in a new transaction; if the task itself is gone by then, the
          // retry answers 409 below
          backOff(attempt);
          continue;
        }
        if (completion && e instanceof AuthorizationException && taskGone(command)) {
          // the task was completed by another request a moment earlier: its candidates' grants went with it, so
          // the engine's check refused this one — it lost a race, it is not unauthorised
          throw new RestException(Response.Status.CONFLICT, "任务不存在或已经办结（可能已由他人办理），请刷新待办列表");
        }
        throw translate(e, command, completion, passwordPolicy);
      }
    }
  }

  private static RuntimeException translate(RuntimeException e, Command<?> command, boolean completion,
      Supplier<PasswordPolicy> passwordPolicy) {
    if (e instanceof ProcessEngineException && POLICY_REFUSAL.equals(e.getMessage())) {
      return new InvalidRequestException(Response.Status.BAD_REQUEST, PasswordRules.refusal(passwordPolicy.get()));
    }
    if (completion && (e instanceof NotFoundException || e instanceof NullValueException || isConflict(e))) {
      // answered by the engine REST API (and so Tasklist) with this status and message
      return new RestException(Response.Status.CONFLICT, "任务不存在或已经办结（可能已由他人办理），请刷新待办列表");
    }
    if (e instanceof NullPointerException && command instanceof org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd) {
      // the engine's authorization check of a task's deployed form dereferences the task before asking whether it
      // exists: an unknown task id there is a 404, as everywhere else
      return new RestException(Response.Status.NOT_FOUND, NOT_FOUND);
    }
    if (e instanceof org.camunda.bpm.engine.TaskAlreadyClaimedException) {
      // claimed by another user a moment earlier (their name is on the task once the list is refreshed)
      return new RestException(Response.Status.CONFLICT, "该任务已被他人认领，请刷新待办列表");
    }
    if (isConflict(e) && inWebRequest()) {
      // any other command on a task or case that another request changed at the same moment (two claims of one
      // task, a double click): the engine rolled it back; the user tries again on what is there now
      return new RestException(Response.Status.CONFLICT, "该任务刚被他人同时处理（认领或办理），请刷新待办列表后重试");
    }
    if (e instanceof NullValueException && e.getMessage() != null
        && (e.getMessage().contains("doesn't exist") || e.getMessage().contains("Cannot find"))) {
      // an id nobody has (a task done and gone, a typo): not a system error
      return new RestException(Response.Status.NOT_FOUND, NOT_FOUND);
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof org.bangfu.shared.MissingSettingException missing) {
        // a rule the step runs needs a setting nobody configured: the completion is refused and says which
        return new RestException(Response.Status.CONFLICT, missing.getMessage());
      }
    }
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidDecisionException || cause instanceof BadUserRequestException
          || cause instanceof AuthorizationException) {
        return (ProcessEngineException) cause;
      }
    }
    return e;
  }

  /** Whether the task a completion names no longer exists (read in a command of its own). */
  private boolean taskGone(Command<?> command) {
    String taskId;
    try {
      taskId = (String) taskIdField(command.getClass()).get(command);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
    if (taskId == null) {
      return false;
    }
    try {
      return next.execute(context -> context.getTaskManager().findTaskById(taskId) == null);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The completion command's {@code taskId}, declared by the engine's command or a class it extends. */
  private static java.lang.reflect.Field taskIdField(Class<?> type) throws NoSuchFieldException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        java.lang.reflect.Field field = c.getDeclaredField("taskId");
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        // declared further up
      }
    }
    throw new NoSuchFieldException("taskId");
  }

  private static void backOff(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25) * attempt);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Two transactions on the same task: the engine's optimistic lock, the database's deadlock victim, or a row both
   * inserted (the authorization the engine gives a task's new assignee, when one user's two claims of a task cross).
   */
  private static boolean isConflict(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof OptimisticLockingException || cause instanceof ConcurrencyFailureException
          || cause instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || duplicateKey(sql))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the command serves a user's request (the engine REST API, Tasklist, our API): the job executor and the
   * engine's own callers keep the engine's OptimisticLockingException, which the job executor answers by running the
   * job again without counting a failure.
   */
  private static boolean inWebRequest() {
    return org.springframework.web.context.request.RequestContextHolder.getRequestAttributes() != null;
  }

  /** A unique key violated: MySQL and MariaDB (23000, error 1062), H2 (23505). */
  private static boolean duplicateKey(SQLException sql) {
    return "23000".equals(sql.getSQLState()) && sql.getErrorCode() == 1062 || "23505".equals(sql.getSQLState());
  }
}
