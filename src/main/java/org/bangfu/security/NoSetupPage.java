package org.bangfu.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda Admin's setup page creates the first administrator for whoever comes first, without signing in, as long
 * as no administrator exists — on a fresh installation, the first anonymous visitor. Bangfu never offers it: the
 * first administrator comes from the configuration ({@code camunda.bpm.admin-user}, in production
 * {@code BANGFU_ADMIN_ID} and {@code BANGFU_ADMIN_PASSWORD}; the demo's from the demo data), and the setup API
 * answers 403 whether an administrator exists or not.
 */
@Configuration
public class NoSetupPage {

  static final String MESSAGE = "系统不提供初始化页面：首位管理员由系统配置创建，请联系系统运维人员";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> setupRefusal() {
    var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        org.bangfu.shared.ErrorBodies.engine(response, 403, "AuthorizationException", MESSAGE);
      }
    });
    registration.setName("bangfu-no-setup-page");
    registration.addUrlPatterns("/camunda/api/admin/setup/*");
    registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 2);
    return registration;
  }
}
