package org.bangfu.identification;

import java.time.Duration;
import java.util.List;
import org.bangfu.catalogue.RiskType;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Identification rules that differ by province ([config] in docs/domain.md): the time limit, the notice period, and the
 * risk types that may use the green channel.
 */
@ConfigurationProperties(prefix = "bangfu.identification")
public record IdentificationProperties(int timeLimitDays, Duration noticeDuration, List<RiskType> greenChannelRiskTypes) {

  public IdentificationProperties {
    if (timeLimitDays <= 0) {
      timeLimitDays = 15;
    }
    if (noticeDuration == null) {
      noticeDuration = Duration.ofDays(5);
    }
    if (greenChannelRiskTypes == null) {
      greenChannelRiskTypes = List.of(RiskType.DISASTER, RiskType.ACCIDENT, RiskType.INDUSTRY_FAILURE);
    }
  }
}
