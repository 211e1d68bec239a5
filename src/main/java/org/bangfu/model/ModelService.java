package org.bangfu.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.engine.ModelDeployment;
import org.bangfu.engine.SlaService;
import org.bangfu.region.CandidateGroups;
import org.bangfu.security.BangfuUser;
import org.bangfu.shared.ForbiddenException;
import org.bangfu.shared.InvalidInputException.FieldError;
import org.bangfu.shared.InvalidInputException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Service;

/**
 * Process owners deploy changed models (BPMN, DMN, forms): the lint runs over the whole set as it would be, and only a
 * set without findings is deployed, as new versions of the changed models only.
 */
@Service
public class ModelService {

  /** What was deployed: the new versions, or none when nothing changed. */
  public record Deployed(String deploymentId, List<String> versions) {
  }

  private final ProcessEngine engine;
  private final ModelLint lint;

  public ModelService(ProcessEngine engine, SlaService sla, ApplicationContext context) {
    this.engine = engine;
    this.lint = new ModelLint(new ModelLint.Context(ProcessVariables.NAMES, sla.getDays().keySet(),
        bean -> context.containsBean(bean) && context.getBean(bean) instanceof JavaDelegate,
        DecisionInputs.BY_DECISION));
  }

  /** The changed files with the models in force: what the lint finds (nothing deployed). */
  public List<ModelLint.Finding> check(Map<String, byte[]> changed) {
    Map<String, byte[]> all = new LinkedHashMap<>(ModelDeployment.resources());
    all.putAll(changed);
    return lint.check(all).stream().filter(f -> changed.containsKey(f.file())).toList();
  }

  public Deployed deploy(Map<String, byte[]> files, BangfuUser user) {
    if (!user.isAdmin() && !user.inGroup(CandidateGroups.PROCESS_OWNERS)) {
      throw new ForbiddenException("只有流程管理员可以发布流程、决策表和表单");
    }
    Map<String, byte[]> changed = new LinkedHashMap<>();
    files.forEach((fileName, bytes) -> changed.put(resourceName(fileName), bytes));
    List<ModelLint.Finding> findings = check(changed);
    if (!findings.isEmpty()) {
      List<FieldError> errors = new ArrayList<>();
      findings.forEach(f -> errors.add(new FieldError(f.file() + (f.element() == null ? "" : "#" + f.element()),
          f.message())));
      throw new InvalidInputException(errors);
    }
    DeploymentWithDefinitions deployment = ModelDeployment.deploy(engine, changed);
    if (deployment == null) {
      return new Deployed(null, List.of());
    }
    List<String> versions = new ArrayList<>();
    // the engine answers null, not an empty list, for a kind it did not deploy
    if (deployment.getDeployedProcessDefinitions() != null) {
      deployment.getDeployedProcessDefinitions()
          .forEach(d -> versions.add(d.getKey() + " 第 " + d.getVersion() + " 版"));
    }
    if (deployment.getDeployedDecisionDefinitions() != null) {
      deployment.getDeployedDecisionDefinitions()
          .forEach(d -> versions.add(d.getKey() + " 第 " + d.getVersion() + " 版"));
    }
    return new Deployed(deployment.getId(), versions);
  }

  /** "X.bpmn" → processes/X.bpmn, "Y.form" → forms/Y.form: the stable names the application deploys under. */
  static String resourceName(String fileName) {
    String name = fileName == null ? "" : fileName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    if (!name.matches("[A-Za-z][A-Za-z0-9_-]{0,80}\\.(bpmn|dmn|form)")) {
      throw InvalidInputException.of("files", "文件名应为英文编号加 .bpmn、.dmn 或 .form，例如 RiskIdentificationProcess.bpmn："
          + fileName);
    }
    return (name.endsWith(".form") ? "forms/" : "processes/") + name;
  }
}
