package org.bangfu.operations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.bangfu.engine.PasswordRules;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The production profile refuses to start without explicitly configured secrets: a MySQL database with its password
 * and the administrator's credentials, none of them a demo value, the administrator's password following the password
 * policy, and never together with the demo profile. Runs
 * before any bean is created, so nothing touches the database first.
 */
public class ProductionSecretsCheck implements EnvironmentPostProcessor {

  static final String PROFILE = "prod";
  private static final Set<String> DEMO_VALUES = Set.of("admin", "demo", "password", "change-me", "123456");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    List<String> profiles = Arrays.asList(environment.getActiveProfiles());
    if (!profiles.contains(PROFILE)) {
      return;
    }
    List<String> problems = new ArrayList<>();
    if (profiles.contains("demo")) {
      problems.add("the demo profile must not run together with prod (演示数据不得用于生产)");
    }
    String url = environment.getProperty("spring.datasource.url", "");
    if (!url.startsWith("jdbc:mysql:")) {
      problems.add("spring.datasource.url (BANGFU_DB_URL) must name the MySQL database, e.g. jdbc:mysql://db:3306/bangfu");
    }
    requireSecret(environment, "spring.datasource.password", "BANGFU_DB_PASSWORD", problems);
    if (environment.getProperty("camunda.bpm.admin-user.id", "").isBlank()) {
      problems.add("camunda.bpm.admin-user.id (BANGFU_ADMIN_ID) is not set");
    }
    requireSecret(environment, "camunda.bpm.admin-user.password", "BANGFU_ADMIN_PASSWORD", problems);
    String adminPassword = environment.getProperty("camunda.bpm.admin-user.password", "");
    List<String> broken = PasswordRules.broken(adminPassword,
        environment.getProperty("camunda.bpm.admin-user.id", ""));
    if (!adminPassword.isBlank() && !broken.isEmpty()) {
      // the engine saves the configured administrator through the password policy and would fail in its start
      problems.add("camunda.bpm.admin-user.password (BANGFU_ADMIN_PASSWORD) does not follow the password policy "
          + "(密码不符合要求：" + String.join("，", broken) + ")");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("生产配置不完整，拒绝启动 (the prod profile refuses to start): "
          + String.join("; ", problems));
    }
  }

  private static void requireSecret(ConfigurableEnvironment environment, String key, String variable,
      List<String> problems) {
    String value = environment.getProperty(key, "");
    if (value.isBlank()) {
      problems.add(key + " (" + variable + ") is not set");
    } else if (value.length() < 12 || DEMO_VALUES.contains(value.toLowerCase())) {
      problems.add(key + " (" + variable + ") is too weak: at least 12 characters, not a demo value");
    }
  }
}
