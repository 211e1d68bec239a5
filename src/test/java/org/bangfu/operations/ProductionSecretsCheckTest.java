package org.bangfu.operations;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.bangfu.BangfuApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ProductionSecretsCheckTest {

  private static final Map<String, Object> COMPLETE = Map.of(
      "spring.datasource.url", "jdbc:mysql://db:3306/bangfu",
      "spring.datasource.password", "s3cret-database-pw",
      "camunda.bpm.admin-user.id", "root_admin",
      "camunda.bpm.admin-user.password", "S3cret-Admin-Passw0rd");

  @Test
  void refusesToStartWithoutTheSecrets() {
    assertThatThrownBy(() -> check(Map.of(), "prod"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("拒绝启动")
        .hasMessageContaining("BANGFU_DB_URL").hasMessageContaining("BANGFU_DB_PASSWORD")
        .hasMessageContaining("BANGFU_ADMIN_ID").hasMessageContaining("BANGFU_ADMIN_PASSWORD");
  }

  @Test
  void refusesDemoPasswordsAndTheDemoProfile() {
    Map<String, Object> weak = new java.util.HashMap<>(COMPLETE);
    weak.put("camunda.bpm.admin-user.password", "admin");
    assertThatThrownBy(() -> check(weak, "prod")).hasMessageContaining("too weak");
    assertThatThrownBy(() -> check(COMPLETE, "prod", "demo")).hasMessageContaining("demo profile");
    Map<String, Object> h2 = new java.util.HashMap<>(COMPLETE);
    h2.put("spring.datasource.url", "jdbc:h2:file:/tmp/x");
    assertThatThrownBy(() -> check(h2, "prod")).hasMessageContaining("MySQL");
  }

  /**
   * The engine saves the configured administrator through the password policy: a start that would fail there fails
   * here, before anything else, saying why.
   */
  @Test
  void refusesAnAdministratorPasswordThePolicyRefuses() {
    Map<String, Object> plain = new java.util.HashMap<>(COMPLETE);
    plain.put("camunda.bpm.admin-user.password", "change-this-admin-password");
    assertThatThrownBy(() -> check(plain, "prod")).hasMessageContaining("password policy")
        .hasMessageContaining("大写字母").hasMessageContaining("数字").hasMessageNotContaining("小写字母");
    Map<String, Object> ownName = new java.util.HashMap<>(COMPLETE);
    ownName.put("camunda.bpm.admin-user.password", "Root_Admin-2026!");
    assertThatThrownBy(() -> check(ownName, "prod")).hasMessageContaining("不得包含用户名");
  }

  @Test
  void startsWithCompleteSecretsAndIgnoresOtherProfiles() {
    assertThatCode(() -> check(COMPLETE, "prod")).doesNotThrowAnyException();
    assertThatCode(() -> check(Map.of(), "demo")).doesNotThrowAnyException();
  }

  private static void check(Map<String, Object> properties, String... profiles) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    environment.setActiveProfiles(profiles);
    new ProductionSecretsCheck().postProcessEnvironment(environment, new SpringApplication(BangfuApplication.class));
  }
}
