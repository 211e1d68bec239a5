package org.bangfu.shared;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * The {@code camunda:property} settings process owners give a step in the model (decision variable and values,
 * return targets, withdrawable, co-sign, batch approval…), read by the engine's listeners, the approver operations and
 * the lint.
 */
public final class ModelProperties {

  private ModelProperties() {
  }

  /** The value of a property of an element, or null. */
  public static String of(BaseElement element, String name) {
    if (element == null || element.getExtensionElements() == null) {
      return null;
    }
    return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> name.equals(p.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .findFirst().orElse(null);
  }

  /** A comma-separated property value as a list (empty when absent). */
  public static List<String> list(String commaSeparated) {
    return commaSeparated == null ? List.of()
        : Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
