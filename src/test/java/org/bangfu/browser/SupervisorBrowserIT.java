package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The county supervisor sees the overdue cases on the dashboard.
 */
class SupervisorBrowserIT extends BrowserTest {

  /** The county supervisor's dashboard: the seeded overdue cases, their figures and the diagram heat view. */
  @Test
  void theSupervisorSeesOverdueCasesOnTheDashboard() throws Exception {
    Map<String, Object> overview = api.get("supervisor_county", "/api/supervision/629901").getBody();
    long overdue = ((Number) overview.get("overdue")).longValue();
    assertThat(overdue).as("the demo county has overdue cases").isPositive();
    inBrowser("supervision", () -> {
      tasklist.signIn("supervisor_county");
      browser.get("http://localhost:" + port + "/supervision.html");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("overdue"), String.valueOf(overdue)));
      assertThat(browser.findElement(By.id("open")).getText())
          .isEqualTo(String.valueOf(((Number) overview.get("open")).longValue()));
      assertThat(browser.findElement(By.id("byVillage")).getText()).contains("西河村").contains("南坪村");
      assertThat(browser.findElement(By.id("byStep")).getText()).contains("入户核实");
      // one database, no replica: nothing to say about where the figures come from (ReadReplicaIT: with one)
      assertThat(browser.findElements(By.id("dataSource"))).isEmpty();
      assertThat(browser.findElement(By.id("oldest")).getText()).contains("BF629901-");
      // the heat view opens on the busiest process, every activity with open tasks carries its counts
      wait.until(d -> !d.findElements(By.cssSelector("#diagram .heat")).isEmpty());
      WebElement heat = browser.findElement(By.cssSelector("#diagram .heat.overdue, #hidden .heat.overdue"));
      // (the busiest process's diagram is shown; the others' counts wait hidden: read the text either way)
      assertThat(heat.getAttribute("textContent").trim()).matches("在办 \\d+ · 逾期 [1-9]\\d*");
      // the charts (ECharts): townships and steps as bars, the weekly trend, the heat map unit × step
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#charts[data-drawn='true']")));
      for (String chart : List.of("chartTownship", "chartStep", "chartWeeks", "chartHeat")) {
        assertThat(browser.findElements(By.cssSelector("#" + chart + " canvas"))).as(chart).isNotEmpty();
      }
      JavascriptExecutor js = (JavascriptExecutor) browser;
      assertThat(js.executeScript("return echarts.getInstanceByDom(document.getElementById('chartTownship'))"
          + ".getOption().yAxis[0].data.join(',')").toString()).contains("和平镇");
      Number heatOverdue = (Number) js.executeScript("return echarts.getInstanceByDom("
          + "document.getElementById('chartHeat')).getOption().series[0].data.reduce((s, c) => s + c[2], 0)");
      assertThat(heatOverdue.longValue()).as("the heat map counts every overdue task of a unit").isPositive()
          .isLessThanOrEqualTo(overdue);
      assertThat(((List<?>) overview.get("weeks"))).hasSize(12);
      screenshot("supervision-dashboard");
      js.executeScript("document.getElementById('charts').scrollIntoView()");
      docScreenshot("supervisor-dashboard");
      fitsAPhone("the dashboard", () -> wait.until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector("#charts[data-drawn='true']"))));
      tasklist.click(browser.findElement(By.cssSelector("#oldest a")));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "收到风险线索"));
    });
  }
}
