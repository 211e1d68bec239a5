package org.bangfu.casepage;

import org.bangfu.approval.FormLabels;
import org.bangfu.incomesupport.IncomeSupportBriefs;
import org.bangfu.supportindustry.ProjectBriefs;
import org.bangfu.security.SecurityConfig;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The task cards' words on the engine's answers, both doors (after sign-in and the engine REST gate). */
@Configuration
public class TaskCardsConfig {

  @Bean
  FilterRegistrationBean<TaskCards> taskCards(@Lazy CaseBriefs briefs, @Lazy IncomeSupportBriefs incomeSupport,
      @Lazy ProjectBriefs projects, @Lazy FormLabels labels, @Lazy RuntimeService runtime, @Lazy TaskService tasks,
      @Lazy IdentityService identity) {
    var registration = new FilterRegistrationBean<>(new TaskCards(briefs, incomeSupport, projects, labels, runtime,
        tasks, identity));
    registration.setName("bangfu-task-cards");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(SecurityConfig.ENGINE_AUTHENTICATION_ORDER + 2);
    return registration;
  }
}
