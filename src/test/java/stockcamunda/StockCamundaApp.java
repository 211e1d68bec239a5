package stockcamunda;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;

/**
 * The baseline of the benchmarks: a stock Camunda 7.24 Spring Boot application — the starter with the webapps and
 * the REST API, its defaults (started with {@code --spring.config.name=stock}, so none of Bangfu's application.yml),
 * auto-deploying the same models and forms from the classpath — and nothing of Bangfu (no component of org.bangfu,
 * no Flyway, no Spring Security). Benchmarks launch it as a separate JVM. Its package lies outside org.bangfu on
 * purpose: the application's component scan (and every Spring Boot test's) would pick it up, exclusions and all.
 */
@SpringBootApplication(exclude = {FlywayAutoConfiguration.class, SecurityAutoConfiguration.class,
    UserDetailsServiceAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class})
public class StockCamundaApp {

  public static void main(String[] args) {
    SpringApplication.run(StockCamundaApp.class, args);
  }
}
