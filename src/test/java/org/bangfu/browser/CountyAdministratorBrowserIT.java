package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.bangfu.testing.RobotStub;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The county's administrator keeps the county's group robots on /robots.html: a webhook outside the vendor's address
 * refused in Chinese, a robot added, tested against the (local) robot endpoint, removed; a cadre cannot open the page.
 */
class CountyAdministratorBrowserIT extends BrowserTest {

  @Test
  void theCountyAdministratorAddsTestsAndRemovesAWeComRobot() throws Exception {
    String webhook = "http://127.0.0.1:" + ROBOT_PORT + RobotStub.WECOM_PATH + "?key=browser-key-1";
    openBrowser();
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
      phoneWidth();
      browser.navigate().refresh();
      page.openRobots();
      assertThat(tasklist.overflow()).as("the robots page at 390 px").isEmpty();
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
      page.clickRobotButton("幸福县帮扶群", "删除"); // asks first
      assertThat(page.robotButton("幸福县帮扶群", "确认删除？")).contains("机器人已删除");
      assertThat(page.robotsText()).contains("尚未配置机器人");
    } catch (RuntimeException | AssertionError e) {
      screenshot("failure-robots");
      throw e;
    } finally {
      browser.quit();
      browser = null;
    }

    openBrowser();
    try {
      tasklist.signIn("cadre_dongshan");
      new MessageCentrePage(browser, wait, "http://localhost:" + port).openRobots();
      assertThat(browser.findElement(By.id("result")).getText()).contains("只有县级系统管理员可以配置消息机器人");
      assertThat(browser.findElement(By.id("formSection")).isDisplayed()).isFalse();
    } finally {
      browser.quit();
      browser = null;
    }
  }
}
