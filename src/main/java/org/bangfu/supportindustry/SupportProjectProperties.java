package org.bangfu.supportindustry;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Support projects [config]: how many days an approved adjustment or retirement (调整、销号退出) of a project is
 * publicly noticed before it takes effect. The seed requires the decision procedure and a notice, and names no days:
 * the county sets them; a missing setting stops the application.
 */
@ConfigurationProperties(prefix = "bangfu.support-projects")
public record SupportProjectProperties(Integer noticeDays) {

  public SupportProjectProperties {
    if (noticeDays == null || noticeDays < 1 || noticeDays > 30) {
      throw new IllegalArgumentException("bangfu.support-projects.notice-days 未配置或不在1到30天之间：帮扶产业项目调整、"
          + "销号退出经审批后公示的天数");
    }
  }

  /** The notice as the model's timer reads it (ISO 8601). */
  public String noticeIso() {
    return "P" + noticeDays + "D";
  }
}
