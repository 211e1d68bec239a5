package org.bangfu.engine;

import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Puts the decision audit and the follow-up date on every user task of every deployed process, so no model can
 * forget them.
 */
public class DecisionAuditParseListener extends AbstractBpmnParseListener {

  private static final TaskListener FOLLOW_UP = new FollowUpDateListener();

  private final TaskListener listener;
  private final List<? extends TaskListener> createListeners;

  public DecisionAuditParseListener(TaskListener listener, List<? extends TaskListener> createListeners) {
    this.listener = listener;
    this.createListeners = createListeners;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
    definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
    definition.addTaskListener(TaskListener.EVENTNAME_CREATE, FOLLOW_UP);
    // each resolved when a task is created (the Spring beans are not ready while the engine parses at start-up)
    definition.addTaskListener(TaskListener.EVENTNAME_CREATE, task -> createListeners.forEach(l -> l.notify(task)));
  }
}
