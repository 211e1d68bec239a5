package org.bangfu.identification;

import java.time.Duration;
import java.util.List;
import org.bangfu.catalogue.MeasureCode;
import org.bangfu.catalogue.RiskType;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Identification rules that differ by province ([config] in docs/domain.md): the time limit (calendar or working
 * days), the notice period, the
 * risk types that may use the green channel, and the measures an 应急 (disaster) push starts through it once the
 * village and the township confirm.
 */
@ConfigurationProperties(prefix = "bangfu.identification")
public record IdentificationProperties(int timeLimitDays, boolean timeLimitWorkingDays, Duration noticeDuration,
    List<RiskType> greenChannelRiskTypes, List<MeasureCode> emergencyPushMeasures) {

  public IdentificationProperties {
    if (timeLimitDays <= 0) {
      throw new IllegalArgumentException("bangfu.identification.time-limit-days 未配置：从发现风险线索到县级审定的时限"
          + "（如15天，或20个工作日并设 time-limit-working-days: true）");
    }
    if (noticeDuration == null || noticeDuration.compareTo(Duration.ofDays(5)) < 0) {
      throw new IllegalArgumentException("bangfu.identification.notice-duration 未配置或少于5天：村内公示不少于5天");
    }
    if (greenChannelRiskTypes == null) {
      greenChannelRiskTypes = List.of(RiskType.DISASTER, RiskType.ACCIDENT, RiskType.INDUSTRY_FAILURE);
    }
    if (emergencyPushMeasures == null || emergencyPushMeasures.isEmpty()) {
      throw new IllegalArgumentException("bangfu.identification.emergency-push-measures 未配置：应急部门推送的受灾户"
          + "走绿色通道时立即启动哪些帮扶措施（如 DISASTER, TEMP_RELIEF）");
    }
  }
}
