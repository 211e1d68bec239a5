package org.bangfu.engine;

import java.util.Map;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * How long the engine keeps the history of finished process instances, per process, from configuration
 * ({@code bangfu.history.time-to-live-days.<processKey>}): a county's retention rule is an operator's setting, not
 * a model edit. The model's own historyTimeToLive stays the default. The case file (bf_* tables) is not cleaned up:
 * households' records are kept.
 */
public class HistoryTimeToLiveParseListener extends AbstractBpmnParseListener {

  private final Map<String, Integer> days;

  public HistoryTimeToLiveParseListener(Map<String, Integer> days) {
    this.days = Map.copyOf(days);
  }

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
    Integer configured = days.get(processDefinition.getKey());
    if (configured != null) {
      if (configured < 1) {
        throw new IllegalStateException("bangfu.history.time-to-live-days." + processDefinition.getKey()
            + " must be at least 1 day");
      }
      processDefinition.setHistoryTimeToLive(configured);
    }
  }
}
