package org.bangfu.security;

import org.bangfu.engine.EngineRestGate;
import org.bangfu.engine.SignInCache;
import org.bangfu.engine.SignInThrottle;
import org.bangfu.region.CandidateGroups;
import org.bangfu.shared.ErrorBodies;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.SessionManagementConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Three doors, each locked:
 * <ul>
 *   <li>{@code /api/**}: the application's API, HTTP Basic against the engine's users, stateless; reading
 *       requests also from a browser signed in to Tasklist ({@link WebappSessionAuthenticationFilter});</li>
 *   <li>{@code /engine-rest/**}: the engine REST API, HTTP Basic through Camunda's own authentication filter, so
 *       that every call runs with the caller's engine authorizations;</li>
 *   <li>{@code /camunda/**}: Tasklist, Cockpit and Admin with their own login, session and CSRF protection.</li>
 * </ul>
 * In front of all three, writes a browser marks as coming from another site are refused whatever the credentials
 * ({@link CrossSiteWriteFilter}), and so is Camunda Admin's setup page ({@link NoSetupPage}); every password check is
 * throttled per client and account ({@link org.bangfu.engine.SignInThrottle}).
 */
@Configuration
public class SecurityConfig {

  /** The group of the people who run the system: health, metrics. */
  public static final String OPERATORS = "operators";

  /** After Spring Security's chain (-100), before the engine's resources. */
  public static final int ENGINE_AUTHENTICATION_ORDER = 0;

  private static final String UNAUTHORIZED = "请先登录（用户名和密码）";
  private static final String FORBIDDEN = "您没有执行此操作的权限";

  /**
   * No Micrometer observation of each of Spring Security's filters, of every authorization and of every sign-in: the
   * request itself is still timed (http.server.requests). Wrapping the filters cost about 5 % of the application's CPU
   * on each engine REST request (docs/benchmarks.md), for timers nobody reads.
   */
  @Bean
  SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      ProcessEngine engine) throws Exception {
    http.securityMatcher("/api/**")
        .authenticationManager(only(provider))
        .addFilterBefore(new WebappSessionAuthenticationFilter(engine), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> ErrorBodies.api(res, 401,
            e instanceof org.springframework.security.authentication.LockedException ? e.getMessage() : UNAUTHORIZED)))
        .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) -> ErrorBodies.api(res, 403, FORBIDDEN)))
        .sessionManagement(SecurityConfig::leaveTheWebappSessionAlone)
        // HTTP Basic sends no cookie; a write with Tasklist's session needs its CSRF token (the session filter)
        .csrf(c -> c.disable());
    return http.build();
  }

  /**
   * Operations: health and metrics for operators (group {@value #OPERATORS}) and administrators; the API
   * documentation for every signed-in user. Plain HTTP Basic with its browser prompt.
   */
  @Bean
  @Order(2)
  SecurityFilterChain operationsSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider)
      throws Exception {
    http.securityMatcher("/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
        .authenticationManager(only(provider))
        .authorizeHttpRequests(a -> a
            .requestMatchers("/actuator/**").hasAnyAuthority(OPERATORS, CandidateGroups.ADMIN)
            .anyRequest().authenticated())
        .httpBasic(b -> b.realmName("bangfu"))
        .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) -> ErrorBodies.api(res, 403, FORBIDDEN)))
        .csrf(c -> c.disable())
        .sessionManagement(SecurityConfig::leaveTheWebappSessionAlone);
    return http.build();
  }

  /**
   * The engine's users and nothing else. With {@code authenticationProvider(…)} Spring also asked its global manager,
   * which holds the same provider (a bean), after every failure: each wrong password was checked twice, and the
   * second check answered with the first one's throttling (SignInThrottle) — "wait" after a single failure.
   */
  private static ProviderManager only(CamundaIdentityAuthenticationProvider provider) {
    return new ProviderManager(provider);
  }

  /**
   * No session of its own, and a request signed in through Tasklist's session leaves that session's id alone:
   * Spring's session-fixation default gave it a new id on every call, so parallel calls of a page carried a dead id
   * and the browser lost its sign-in.
   */
  private static void leaveTheWebappSessionAlone(SessionManagementConfigurer<HttpSecurity> session) {
    session.sessionCreationPolicy(SessionCreationPolicy.STATELESS).sessionFixation(f -> f.none());
  }

  @Bean
  @Order(3)
  SecurityFilterChain webappsAndEngineRest(HttpSecurity http) throws Exception {
    // The webapps and the engine REST API authenticate through Camunda's own filters (see below and the
    // webapp starter), against the same users; Spring Security only adds its headers here.
    http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .csrf(c -> c.disable());
    return http.build();
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(SignInCache signIns,
      SignInThrottle throttle, ObjectProvider<ProcessEngine> engine) {
    var registration = new FilterRegistrationBean<ProcessEngineAuthenticationFilter>(
        new EngineRestSignIn(signIns, throttle, engine::getIfAvailable));
    registration.setName("camunda-auth");
    // Camunda's filter requires the parameter; EngineRestSignIn then puts Basic with kept sign-ins in its place
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(ENGINE_AUTHENTICATION_ORDER);
    return registration;
  }

  /** The engine API's refusals in Chinese (before the gate, so that the gate's own refusals pass through it too). */
  @Bean
  FilterRegistrationBean<org.bangfu.engine.EngineErrorWords> engineErrorWords() {
    var registration = new FilterRegistrationBean<>(new org.bangfu.engine.EngineErrorWords());
    registration.setName("bangfu-engine-error-words");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(ENGINE_AUTHENTICATION_ORDER - 1);
    return registration;
  }

  /** The engine's REST API, both doors, limited to what users need ({@link EngineRestGate}); after sign-in. */
  @Bean
  FilterRegistrationBean<EngineRestGate> engineRestGate(ObjectProvider<ProcessEngine> engine) {
    // the engine is looked up on the first request: asking for it while the servlet context starts would build it
    // before the application's schema migrations have run
    var registration = new FilterRegistrationBean<>(new EngineRestGate(engine::getObject));
    registration.setName("bangfu-engine-rest-gate");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(ENGINE_AUTHENTICATION_ORDER + 1);
    return registration;
  }

}
