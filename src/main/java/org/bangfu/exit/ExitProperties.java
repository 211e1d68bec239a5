package org.bangfu.exit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The exit's income test ([config], docs/domain.md §5): "stably above the line" is judged on the household's income
 * over the last {@code incomeWindowMonths} months, per member and year — never a single month multiplied by 12
 * (seasonal farm income comes in a few months). Without the setting the application does not start.
 */
@ConfigurationProperties(prefix = "bangfu.exit")
public record ExitProperties(Integer incomeWindowMonths) {

  public ExitProperties {
    if (incomeWindowMonths == null || incomeWindowMonths < 6 || incomeWindowMonths > 12) {
      throw new IllegalArgumentException("bangfu.exit.income-window-months 未配置或不在6到12之间：风险消除按最近几个月的"
          + "收入判断是否稳定超过监测线（原则上不少于6个月）");
    }
  }
}
