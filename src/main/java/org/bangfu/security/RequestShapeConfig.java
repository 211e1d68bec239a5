package org.bangfu.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** What is refused before any handler runs: malformed requests answer 4xx in Chinese, never 500. */
@Configuration
public class RequestShapeConfig {

  /** First of all filters: the body's declared type is checked before security or Spring reads it. */
  @Bean
  FilterRegistrationBean<RequestShapeFilter> requestShapeFilter() {
    FilterRegistrationBean<RequestShapeFilter> registration = new FilterRegistrationBean<>(new RequestShapeFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.addUrlPatterns("/*");
    return registration;
  }

  /**
   * Spring Security's firewall refuses a request (a parameter name it does not allow, an encoded slash): 400 with
   * the reason, where its default lets the error reach the container as a 500.
   */
  @Bean
  RequestRejectedHandler requestRejectedHandler() {
    return (request, response, rejected) -> RequestShapeFilter.refuse(request, response, 400,
        "请求被拒绝：地址或参数中含有不允许的字符");
  }
}
