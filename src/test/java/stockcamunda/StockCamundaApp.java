package stockcamunda;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

  /**
   * With {@code --stock.rest-basic-auth=true}: the REST API signs every request in with HTTP Basic against the engine's
   * users, as Camunda's manual says to secure it (its own filter and provider, mapped as Camunda Run maps them) — what
   * a county would have to switch on before people could use stock Camunda's API with authorization on.
   */
  @Configuration
  @ConditionalOnProperty(name = "stock.rest-basic-auth", havingValue = "true")
  static class RestBasicAuth {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> processEngineAuthenticationFilter() {
      FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
          new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
      registration.setName("camunda-auth");
      registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
          HttpBasicAuthenticationProvider.class.getName());
      registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest");
      registration.addUrlPatterns("/engine-rest/*");
      return registration;
    }
  }
}
