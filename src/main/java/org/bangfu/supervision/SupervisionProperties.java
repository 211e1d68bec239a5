package org.bangfu.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deadline supervision, [config]: whether the watcher runs in this node, and after how many working days overdue a
 * task is escalated to the county's supervisors.
 */
@ConfigurationProperties(prefix = "bangfu.supervision")
public record SupervisionProperties(boolean watch, int escalateAfterWorkingDays) {

  public SupervisionProperties {
    if (escalateAfterWorkingDays <= 0) {
      escalateAfterWorkingDays = 2;
    }
  }
}
