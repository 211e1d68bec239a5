package org.bangfu.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/**
 * A completion refused by the engine's authorization check because another request completed the same task a moment
 * earlier (its candidates' grants went with it) lost a race: 409 "已经办结", not 403. While the task is there, the
 * refusal stands.
 */
class UserErrorInterceptorTest {

  /** The engine behind the interceptor: the completion is refused; the lookup sees the task or not. */
  private static UserErrorInterceptor interceptor(boolean taskStillThere) {
    TaskManager tasks = mock(TaskManager.class);
    when(tasks.findTaskById("t1")).thenReturn(taskStillThere ? new TaskEntity() : null);
    CommandContext context = mock(CommandContext.class);
    when(context.getTaskManager()).thenReturn(tasks);
    UserErrorInterceptor interceptor = new UserErrorInterceptor();
    interceptor.setNext(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        if (command instanceof CompleteTaskCmd) {
          throw new AuthorizationException("cadre_dongshan", "TaskWork", "Task", "t1");
        }
        return command.execute(context);
      }
    });
    return interceptor;
  }

  @Test
  void aCompletionRefusedBecauseTheTaskWasJustCompletedIsToldItIsDone() {
    Throwable refused = catchThrowable(() -> interceptor(false).execute(new CompleteTaskCmd("t1", null)));
    assertThat(refused).isInstanceOf(RestException.class).hasMessageContaining("已经办结");
    assertThat(((RestException) refused).getStatus().getStatusCode()).isEqualTo(409);
  }

  @Test
  void aCompletionRefusedWhileTheTaskIsThereStaysRefused() {
    assertThat(catchThrowable(() -> interceptor(true).execute(new CompleteTaskCmd("t1", null))))
        .isInstanceOf(AuthorizationException.class);
  }
}
