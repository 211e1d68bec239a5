package org.bangfu.lifecycle;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(LifecycleProperties.class)
public class LifecycleConfiguration {

  /** The cycles under the name the models use: {@code ${lifecycle.visitCycleIso()}}. */
  @Bean("lifecycle")
  LifecycleCycles lifecycle(LifecycleProperties properties) {
    return new LifecycleCycles(properties);
  }

  /** The bean the models call; a separate type so the properties record keeps its own bean name. */
  public record LifecycleCycles(LifecycleProperties properties) {
    public String visitCycle() {
      return properties.visitCycleIso();
    }

    public String trackingCycle() {
      return properties.trackingCycleIso();
    }

    public String exitNoticeDuration() {
      return properties.exitNoticeIso();
    }
  }
}
