package org.bangfu.engine;

import org.bangfu.casefile.StepLabels;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Records the name of every service and user task the engine parses, for the case's audit ({@link StepLabels}). */
public class StepLabelParseListener extends AbstractBpmnParseListener {

  @Override
  public void parseServiceTask(Element serviceTaskElement, ScopeImpl scope, ActivityImpl activity) {
    StepLabels.record(activity.getId(), serviceTaskElement.attribute("name"));
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    StepLabels.record(activity.getId(), userTaskElement.attribute("name"));
  }
}
