package org.bangfu.screening;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import java.util.List;
import org.bangfu.engine.ModelCodeGuard;
import org.bangfu.engine.ModelCodePolicy;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.el.JuelElContextFactory;
import org.camunda.bpm.dmn.engine.impl.el.JuelElProvider;
import org.camunda.bpm.dmn.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Cache;
import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.TreeStore;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Evaluates the deployed version of a decision for bulk work (a million pushed rows, the whole registry) without
 * writing a history row per evaluation. Decisions taken on a case still go through the engine and its history.
 *
 * <p>Speed: the engine's FEEL (feel-scala) parses every unary test at each evaluation, about 3 ms for the screening
 * table's 16 rules × 10 inputs; the DMN engine's legacy FEEL compiles them once (about 40 µs). A table is
 * evaluated with the legacy FEEL as long as it understands it; a table that uses FEEL the legacy engine lacks falls
 * back to feel-scala for good. {@code RuleTablesTest} checks both give the same answers for our tables.
 */
@Component
public class RuleTables {

  private static final Logger LOG = LoggerFactory.getLogger(RuleTables.class);

  private final RepositoryService repositoryService;
  private final DmnEngine fast = engine(true);
  private final DmnEngine full = engine(false);
  private final Map<String, Table> parsed = new ConcurrentHashMap<>();

  /** A parsed decision with the engine that evaluates it. */
  public final class Table {
    private final String key;
    private final byte[] xml;
    private volatile DmnEngine engine;
    private volatile DmnDecision decision;

    private Table(String key, byte[] xml) {
      List<ModelCodePolicy.Violation> violations = ModelCodePolicy.check(key + ".dmn", xml);
      if (!violations.isEmpty()) {
        throw new ModelCodeGuard.ModelRefusedException(key, ModelCodePolicy.describe(key, violations));
      }
      this.key = key;
      this.xml = xml;
      this.engine = fast;
      this.decision = fast.parseDecision(key, new ByteArrayInputStream(xml));
    }

    /** The DMN file the decision was parsed from. */
    public byte[] xml() {
      return xml.clone();
    }

    /** Evaluates the decision; absent values (null) are the empty input that "-" matches. */
    public DmnDecisionResult evaluate(Map<String, Object> variables) {
      VariableMap map = typed(variables);
      if (engine == fast) {
        try {
          return fast.evaluateDecision(decision, map);
        } catch (RuntimeException e) {
          LOG.info("decision {} uses FEEL beyond the legacy engine ({}); evaluating it with feel-scala", key,
              e.getMessage());
          decision = full.parseDecision(key, new ByteArrayInputStream(xml));
          engine = full;
        }
      }
      return full.evaluateDecision(decision, map);
    }
  }

  /** The variables as the DMN engine takes them; a null is an untyped null value, the empty input. */
  public static VariableMap typed(Map<String, Object> variables) {
    VariableMap map = Variables.createVariables();
    variables.forEach((name, value) -> map.putValueTyped(name,
        value == null ? Variables.untypedNullValue() : Variables.untypedValue(value)));
    return map;
  }

  public RuleTables(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  /**
   * A DMN engine that can evaluate nothing but the table: the legacy FEEL mode reads input expressions and output
   * entries as JUEL, so JUEL here resolves variables only — no method calls (parser without them), no bean
   * properties, no script engines. Tables are checked by {@link ModelCodePolicy} before they get here; this holds
   * even for a table that slipped past.
   */
  private static DmnEngine engine(boolean legacyFeel) {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.enableFeelLegacyBehavior(legacyFeel);
    CompositeELResolver variablesOnly = new CompositeELResolver();
    variablesOnly.add(new VariableContextElResolver());
    variablesOnly.add(new MapELResolver(true));
    variablesOnly.add(new ListELResolver(true));
    variablesOnly.add(new ArrayELResolver(true));
    configuration.setElProvider(new JuelElProvider(
        new ExpressionFactoryImpl(new TreeStore(new Builder(), new Cache(1000))),
        new JuelElContextFactory(variablesOnly)));
    configuration.setScriptEngineResolver(language -> null);
    return configuration.buildEngine();
  }

  /** The latest deployed version of the decision, parsed (cached by its definition id). */
  public Table latest(String decisionKey) {
    DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey(decisionKey).latestVersion().singleResult();
    if (definition == null) {
      throw new IllegalStateException("decision " + decisionKey + " is not deployed");
    }
    return parsed.computeIfAbsent(definition.getId(), id -> {
      try (InputStream xml = repositoryService.getResourceAsStream(definition.getDeploymentId(),
          definition.getResourceName())) {
        return new Table(decisionKey, xml.readAllBytes());
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + definition.getResourceName(), e);
      }
    });
  }

  /** Parses a decision from a DMN file that is not deployed (a what-if over a draft, a test). */
  public Table parse(String decisionKey, byte[] xml) {
    return new Table(decisionKey, xml);
  }

  /** Tables parsed without a deployment, for tests: only {@link #parse} works. */
  public static RuleTables standalone() {
    return new RuleTables(null);
  }
}
