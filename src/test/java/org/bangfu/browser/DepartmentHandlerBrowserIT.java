package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bangfu.identification.RiskIdentification;
import org.bangfu.testing.ApiClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A department handler imports the sample push; the village gets the identification.
 */
class DepartmentHandlerBrowserIT extends BrowserTest {

  /**
   * 医保's handler imports the demo sample on the import page; it finishes with its figures and an error report,
   * and 西河村's cadre has 李春生's home verification to do.
   */
  @Test
  void aDepartmentHandlerImportsTheSampleAndTheVillageGetsTheIdentification() throws Exception {
    Path sample = Files.createTempFile("MEDINS-sample-", ".csv");
    Files.write(sample, api.as("handler_medins").getForObject("/api/imports/layouts/MEDINS/sample.csv",
        byte[].class));
    inBrowser("imports", () -> {
      tasklist.signIn("handler_medins");
      browser.get("http://localhost:" + port + "/imports.html");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
          "//select[@id='department']/option[@value='MEDINS']")));
      assertThat(browser.findElement(By.id("layout")).getText()).contains("合规自付费用（元）");
      browser.findElement(By.id("file")).sendKeys(sample.toAbsolutePath().toString());
      browser.findElement(By.id("password")).sendKeys(ApiClient.PASSWORD);
      browser.findElement(By.id("submit")).click();
      WebElement accepted = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accepted")));
      assertThat(accepted.getText()).contains("8 行");
      String id = accepted.getText().replaceAll(".*批次 (\\d+).*", "$1");
      WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-" + id)));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-" + id), "已完成"));
      assertThat(browser.findElement(By.id("import-" + id)).getText()).contains("8/8（100%）")
          .contains("3（下载错误报告）");
      screenshot("imports-done");
      docScreenshot("department-handler-imports");
      assertThat(row).isNotNull();
    });
    Map<String, Object> opened = api.getList("cadre_xihe", "/api/cases?region=" + org.bangfu.demo.DemoData.XIHE
        + "&status=IDENTIFYING&size=100").getBody().stream()
        .map(c -> api.get("cadre_xihe", "/api/cases/" + c.get("id")).getBody())
        .filter(c -> "李春生".equals(c.get("headName")) && "DEPARTMENT_SIGNAL".equals(c.get("channel"))).findFirst()
        .orElseThrow(() -> new AssertionError("no identification of 李春生 from the 医保 push"));
    assertThat(api.tasks("cadre_xihe", (String) opened.get("businessKey")))
        .extracting(t -> t.get("taskDefinitionKey")).containsExactly(RiskIdentification.VERIFY_HOUSEHOLD);
  }

  /**
   * 民政's handler imports a month's 低保金 as 收入数据 on the same page; the import says what it stored, and the
   * village's cadre reads the payment on the case page, by department and kind, at phone width too.
   */
  @Test
  void aDepartmentsIncomesAreImportedOnThePageAndReadOnTheCasePage() throws Exception {
    Map<String, Object> body = ApiClient.household(org.bangfu.demo.DemoData.DONGSHAN, "ORDINARY", 6000, 0, "FULL",
        "NONE");
    long household = api.createHousehold("cadre_dongshan", body);
    @SuppressWarnings("unchecked")
    Map<String, Object> head = ((java.util.List<Map<String, Object>>) body.get("members")).get(0);
    Map<String, Object> opened = api.openCase("cadre_dongshan", Map.of("householdId", household, "channel",
        "CADRE_SCREENING", "riskTypes", java.util.List.of("ILLNESS")));
    String month = java.time.YearMonth.now().minusMonths(1).toString();
    Path file = Files.createTempFile("CIVIL-INCOME-", ".csv");
    Files.writeString(file, "\uFEFF推送编号,身份证号,姓名,所属月份,收入类别,项目,金额（元）\r\n"
        + "MZSR-B-" + System.nanoTime() + "," + head.get("idNumber") + "," + head.get("name") + "," + month
        + ",转移性,低保金,450\r\n");
    inBrowser("imports-income", () -> {
      tasklist.signIn("handler_civil");
      browser.get("http://localhost:" + port + "/imports.html");
      WebElement option = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
          "//select[@id='department']/option[@value='CIVIL-INCOME']")));
      assertThat(option.getText()).isEqualTo("民政局 · 收入数据");
      new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("department")))
          .selectByValue("CIVIL-INCOME");
      assertThat(browser.findElement(By.id("layout")).getText()).contains("低保金", "所属月份", "收入类别［转移性］");
      browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
      browser.findElement(By.id("password")).sendKeys(ApiClient.PASSWORD);
      browser.findElement(By.id("submit")).click();
      WebElement accepted = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accepted")));
      String id = accepted.getText().replaceAll(".*批次 (\\d+).*", "$1");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-" + id), "已完成"));
      assertThat(browser.findElement(By.id("import-" + id)).getText()).contains("民政局 · 收入数据", "收入入库 1 条");
      screenshot("imports-income-done");
    });
    inBrowser("case-pushed-incomes", () -> {
      tasklist.signIn("cadre_dongshan");
      browser.get("http://localhost:" + port + "/case.html?id=" + opened.get("id"));
      WebElement pushed = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pushedIncomes")));
      assertThat(pushed.getText()).contains(month, "民政局", "转移性净收入", "低保金", "450");
      assertThat(browser.findElement(By.id("incomes")).getText()).contains("未分类登记");
      phoneWidth();
      assertThat(browser.findElement(By.id("pushedIncomes")).getText()).contains("低保金");
      screenshot("case-pushed-incomes-phone");
    });
  }
}
