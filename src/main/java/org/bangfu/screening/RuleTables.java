package org.bangfu.screening;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Evaluates the deployed version of a decision for bulk work (a million pushed rows, the whole registry) without
 * writing a history row per evaluation: the decision is parsed once per deployed version into a plain DMN engine
 * with the same FEEL. Decisions taken on a case still go through the engine and its history.
 */
@Component
public class RuleTables {

  private final RepositoryService repositoryService;
  private final DmnEngine dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  public RuleTables(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  /** The latest deployed version of the decision, parsed (cached by its definition id). */
  public DmnDecision latest(String decisionKey) {
    DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey(decisionKey).latestVersion().singleResult();
    if (definition == null) {
      throw new IllegalStateException("decision " + decisionKey + " is not deployed");
    }
    return parsed.computeIfAbsent(definition.getId(), id -> {
      try (InputStream xml = repositoryService.getResourceAsStream(definition.getDeploymentId(),
          definition.getResourceName())) {
        return dmnEngine.parseDecision(decisionKey, xml);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + definition.getResourceName(), e);
      }
    });
  }

  /** Parses a decision from a DMN file that is not deployed (a what-if over a draft). */
  public DmnDecision parse(String decisionKey, InputStream xml) {
    return dmnEngine.parseDecision(decisionKey, xml);
  }

  /** Evaluates a parsed decision; absent values (null) are the empty input the table's "-" matches. */
  public DmnDecisionResult evaluate(DmnDecision decision, Map<String, Object> variables) {
    VariableMap map = Variables.createVariables();
    variables.forEach((name, value) -> map.putValueTyped(name,
        value == null ? Variables.untypedNullValue() : Variables.untypedValue(value)));
    return dmnEngine.evaluateDecision(decision, map);
  }
}
