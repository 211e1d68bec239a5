package org.bangfu.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models and forms at engine start under stable names ({@code processes/RiskIdentificationProcess.bpmn},
 * {@code forms/DraftPlanForm.form}) whether the application runs from classes (spring-boot:run, tests) or from the
 * jar, in one deployment named "bangfu" with duplicate filtering: a restart deploys nothing when nothing changed, and
 * a changed model becomes a new version of that model only. (The starter's own auto-deployment names resources by
 * their location, so switching between run modes made new versions of everything; it is switched off.)
 */
@Component
public class ModelDeployment extends AbstractProcessEnginePlugin {

  public static final String NAME = "bangfu";
  static final String[] PATTERNS = {"classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn",
      "classpath*:forms/**/*.form"};
  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployment.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    deploy(processEngine, resources());
  }

  /** The models and forms on the class path, by their stable name. */
  public static Map<String, byte[]> resources() {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    try {
      for (String pattern : PATTERNS) {
        for (Resource resource : resolver.getResources(pattern)) {
          String root = pattern.substring("classpath*:".length(), pattern.indexOf('/'));
          String name = stableName(resource.getURL().toString(), root);
          try (InputStream in = resource.getInputStream()) {
            resources.put(name, in.readAllBytes());
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the models on the class path", e);
    }
    return resources;
  }

  /**
   * "processes/X.bpmn" from file:/…/target/classes/processes/X.bpmn as from
   * jar:file:/app.jar!/BOOT-INF/classes!/processes/X.bpmn.
   */
  static String stableName(String url, String root) {
    int at = url.lastIndexOf("/" + root + "/");
    if (at < 0) {
      throw new IllegalArgumentException(url + " is not under " + root + "/");
    }
    return url.substring(at + 1);
  }

  /** Deploys what changed (only those resources); returns the new deployment, or null when nothing changed. */
  public static DeploymentWithDefinitions deploy(ProcessEngine engine, Map<String, byte[]> resources) {
    var repository = engine.getRepositoryService();
    long before = repository.createDeploymentQuery().deploymentName(NAME).count();
    DeploymentBuilder deployment = repository.createDeployment().name(NAME).source(NAME)
        .enableDuplicateFiltering(true);
    resources.forEach((name, bytes) -> deployment.addInputStream(name, new java.io.ByteArrayInputStream(bytes)));
    DeploymentWithDefinitions deployed = deployment.deployWithResult();
    if (repository.createDeploymentQuery().deploymentName(NAME).count() == before) {
      LOG.info("models unchanged: nothing deployed");
      return null;
    }
    LOG.info("models deployed: {}", repository.getDeploymentResourceNames(deployed.getId()));
    return deployed;
  }
}
