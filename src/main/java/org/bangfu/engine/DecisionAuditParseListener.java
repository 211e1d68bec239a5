package org.bangfu.engine;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Puts the decision audit on every user task of every deployed process, so no model can forget it. */
public class DecisionAuditParseListener extends AbstractBpmnParseListener {

  private final TaskListener listener;

  public DecisionAuditParseListener(TaskListener listener) {
    this.listener = listener;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
        .addTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
  }
}
