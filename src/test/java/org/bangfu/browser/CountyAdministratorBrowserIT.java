package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bangfu.demo.DemoData;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.RobotStub;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The county's administrator keeps the county's group robots on /robots.html: a webhook outside the vendor's address
 * refused in Chinese, a robot added, tested against the (local) robot endpoint, removed; a cadre cannot open the page.
 * And loads the county's registry on /registry.html.
 */
class CountyAdministratorBrowserIT extends BrowserTest {

  @Test
  void theCountyAdministratorAddsTestsAndRemovesAWeComRobot() throws Exception {
    String webhook = "http://127.0.0.1:" + ROBOT_PORT + RobotStub.WECOM_PATH + "?key=browser-key-1";
    inBrowser("robots", () -> {
      MessageCentrePage page = new MessageCentrePage(browser, wait, "http://localhost:" + port);
      try (RobotStub stub = new RobotStub(ROBOT_PORT).weCom("browser-key-1").start()) {
        tasklist.signIn("admin_county");
        page.openRobots();
        assertThat(browser.findElement(By.id("county")).getText()).contains("幸福县");
        assertThat(page.addRobot("WECOM", "幸福县帮扶群", "http://10.0.0.1/cgi-bin/webhook/send?key=x", null))
            .contains("Webhook 地址应以").contains("开头");
        assertThat(page.addRobot("WECOM", "幸福县帮扶群", webhook, null)).contains("已保存：幸福县帮扶群");
        assertThat(page.robotsText()).contains("企业微信群", "幸福县（全县）", "幸福县帮扶群", "…ey-1", "启用", "admin_county")
            .doesNotContain("browser-key-1");
        assertThat(page.robotButton("幸福县帮扶群", "测试发送")).contains("发送成功");
        assertThat(stub.posts()).singleElement().satisfies(p -> assertThat(p.content()).contains("测试消息"));
        docScreenshot("county-administrator-robots");
        fitsAPhone("the robots page", page::openRobots);
        page.clickRobotButton("幸福县帮扶群", "删除"); // asks first
        assertThat(page.robotButton("幸福县帮扶群", "确认删除？")).contains("机器人已删除");
        assertThat(page.robotsText()).contains("尚未配置机器人");
      }
    });

    inBrowser("robots-cadre", () -> {
      tasklist.signIn("cadre_dongshan");
      new MessageCentrePage(browser, wait, "http://localhost:" + port).openRobots();
      assertThat(browser.findElement(By.id("result")).getText()).contains("只有县级系统管理员可以配置消息机器人");
      assertThat(browser.findElement(By.id("formSection")).isDisplayed()).isFalse();
    });
  }

  /**
   * The county's registry load on /registry.html: the national system's export uploaded, compared in the background
   * (the table follows it), what changes looked at before anything changes — a household registered before by the
   * village, now given its 户编号, and a row refused with why — then applied; a phone shows the page without
   * sideways scrolling.
   */
  @Test
  void theCountyAdministratorLoadsTheRegistryLooksAtTheChangesAndAppliesThem() throws Exception {
    Map<String, Object> body = ApiClient.household(DemoData.DONGSHAN, "ORDINARY", 9000, 0, "FULL", "FULL");
    long known = api.createHousehold("cadre_dongshan", body);
    List<Map<String, Object>> members = (List<Map<String, Object>>) body.get("members");
    String prefix = "B" + System.nanoTime() % 100000 + "-";
    String csv = "户编号,行政区划代码,姓名,证件号码,与户主关系,劳动技能,户类型,易地搬迁\n"
        + prefix + "1," + DemoData.DONGSHAN + ",成员1," + members.get(0).get("idNumber") + ",户主,普通劳动力,一般户,否\n"
        + prefix + "1," + DemoData.DONGSHAN + ",成员2," + members.get(1).get("idNumber") + ",配偶,丧失劳动力,一般户,否\n"
        + prefix + "2," + DemoData.DONGSHAN + ",新户主甲," + ApiClient.newIdNumber(1966) + ",户主,普通劳动力,脱贫户,否\n"
        + prefix + "3," + DemoData.DONGSHAN + ",新户主乙," + ApiClient.newIdNumber(1968) + ",户主,普通劳动力,一般户,是\n"
        + prefix + "4," + DemoData.DONGSHAN + ",邻居丙," + ApiClient.newIdNumber(1969) + ",邻居,普通劳动力,一般户,否\n";
    Path file = Files.createTempDirectory("registry").resolve("监测系统导出.csv");
    Files.writeString(file, csv);
    inBrowser("registry-load", () -> {
      tasklist.signIn("admin_county");
      browser.get("http://localhost:" + port + "/registry.html");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("loadSection")));
      browser.findElement(By.id("registryFile")).sendKeys(file.toAbsolutePath().toString());
      browser.findElement(By.id("readLoad")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "已上传：共 4 户（5 行）"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#loads tbody tr"), "已比对，未应用"));
      List<String> cells = browser.findElements(By.cssSelector("#loads tbody tr:first-child td")).stream()
          .map(WebElement::getText).toList();
      assertThat(cells.subList(1, 8)).containsExactly("监测系统导出.csv", "4（5）", "2", "1", "0", "1", "0");
      assertThat(browser.findElement(By.cssSelector("#loads tbody tr:first-child a")).getAttribute("href"))
          .endsWith("/errors.csv");
      assertThat(jdbc.queryForObject("SELECT registry_number FROM bf_household WHERE id = ?", String.class, known))
          .as("nothing changes before it is applied").isNull();

      browser.findElement(By.cssSelector("#loads tbody tr:first-child button[data-action=CHANGED]")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("loadItems"), prefix + "1"));
      assertThat(browser.findElement(By.id("loadItems")).getText()).contains("变化（前 200 户）", "成员1",
          "和平镇东山村", "户编号：— → " + prefix + "1", "劳动能力：有劳动能力 → 无劳动能力", "待应用")
          .doesNotContainPattern("\\d{17}[\\dX]");
      browser.findElement(By.cssSelector("#loads tbody tr:first-child button[data-action=ERROR]")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("loadItems"), "有误"));
      assertThat(browser.findElement(By.id("loadItems")).getText()).contains(prefix + "4", "邻居丙",
          "与户主关系“邻居”无法识别", "有误，不导入").doesNotContain("待应用");
      docScreenshot("county-registry-load");

      browser.findElement(By.cssSelector("#loads tbody tr:first-child button[data-apply]")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#loads tbody tr"), "已应用：已应用 3 户"));
      assertThat(jdbc.queryForObject("SELECT registry_number FROM bf_household WHERE id = ?", String.class, known))
          .isEqualTo(prefix + "1");
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_household WHERE registry_number LIKE ?", Integer.class,
          prefix + "%")).isEqualTo(3);
      assertThat(browser.findElements(By.cssSelector("#loads tbody tr:first-child button[data-apply]")))
          .as("applied once").isEmpty();
      phoneWidth();
      browser.navigate().refresh();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#loads tbody tr"), "已应用"));
      assertThat(tasklist.overflow()).as("the registry load at 390 px").isEmpty();
    });
  }
}
