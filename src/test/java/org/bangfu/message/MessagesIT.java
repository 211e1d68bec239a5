package org.bangfu.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.demo.DemoData.COUNTY;
import static org.bangfu.demo.DemoData.DONGSHAN;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.identification.RiskIdentification;
import org.bangfu.supervision.DeadlineWatcher;
import org.bangfu.supervision.SupervisionDigest;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.bangfu.testing.RobotStub;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Messages where cadres read them, through the API on MariaDB: every new task and 退回 in its holders' message
 * centre (and nobody else's); the county administrator's WeCom and DingTalk robots (a local stub over HTTP that
 * checks keys and DingTalk's signature as the vendors do) receiving each kind of message once across an outage, a
 * server error and a rate-limit refusal; and what a signed-in user must not be able to do with either.
 */
class MessagesIT extends MariaDbIntegrationTest {

  static final String WECOM_KEY = "wecom-key-629901";
  static final String DING_TOKEN = "ding-token-629901";
  static final String DING_SECRET = "SEC0123456789abcdef0123456789";
  static final String CADRE_MOBILE = "13800000001";
  static final String SUPERVISOR_MOBILE = "13900000002";

  @Autowired
  OutboxDispatcher dispatcher;
  @Autowired
  DeadlineWatcher watcher;
  @Autowired
  SupervisionDigest digest;
  @Autowired
  TaskService taskService;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  Messages messages;
  @Autowired
  MessageRetention retention;

  final List<Long> robots = new ArrayList<>();

  @AfterEach
  void robotsAndChoicesBackAndClockBack() {
    robots.forEach(id -> api.as("admin_county").delete("/api/robots/" + id));
    api.put("cadre_dongshan", "/api/messages/settings", Map.of());
    api.put("supervisor_county", "/api/messages/settings", Map.of());
    ClockUtil.reset();
  }

  @Test
  void aNewTaskAndAReturnReachTheirHoldersInTheMessageCentreOnly() {
    String bk = caseAtTownshipReview(DONGSHAN, "cadre_dongshan");
    Map<String, Object> first = message("cadre_dongshan", bk, "NEW_TASK", "入户核实");
    assertThat((String) first.get("title")).startsWith("新待办：入户核实 · ").contains("和平镇东山村");
    assertThat((String) first.get("body")).contains("案件 " + bk, "待您办理", "/camunda/app/tasklist/default/#/?task=");
    assertThat(first.get("taskId")).isNotNull();
    assertThat(first.get("caseId")).isNotNull();
    assertThat(messagesOf("reviewer_fumin")).as("another township hears nothing of it")
        .noneMatch(m -> m.get("body").toString().contains(bk));
    assertThat(message("reviewer_heping", bk, "NEW_TASK", "乡镇审核")).isNotNull();

    // the township returns the case to the village: the cadre is told why, as a 退回, not as a new task
    String review = (String) api.tasks("reviewer_heping", bk).get(0).get("id");
    assertThat(api.post("reviewer_heping", "/api/tasks/" + review + "/return", Map.of("target",
        RiskIdentification.VERIFY_HOUSEHOLD, "reasonCode", "VERIFICATION_INSUFFICIENT", "comment", "请补充医疗票据"))
        .getStatusCode().value()).isEqualTo(200);
    Map<String, Object> returned = message("cadre_dongshan", bk, "RETURN", "入户核实");
    assertThat((String) returned.get("title")).startsWith("退回：入户核实 · ");
    assertThat((String) returned.get("body")).contains("已退回", "请补充医疗票据");
    assertThat(messagesOf("cadre_dongshan")).filteredOn(m -> m.get("body").toString().contains(bk)
        && m.get("title").toString().startsWith("新待办：入户核实")).as("the returned-to task is not new").hasSize(1);

    // read: one's own message, not another's (answered as not found, as if it did not exist)
    long id = ((Number) returned.get("id")).longValue();
    int unread = unread("cadre_dongshan");
    assertThat(api.post("reviewer_heping", "/api/messages/" + id + "/read", Map.of()).getStatusCode().value())
        .isEqualTo(404);
    assertThat(unread("cadre_dongshan")).isEqualTo(unread);
    assertThat(api.post("cadre_dongshan", "/api/messages/" + id + "/read", Map.of()).getStatusCode().value())
        .isEqualTo(204);
    assertThat(unread("cadre_dongshan")).isEqualTo(unread - 1);
    assertThat(api.post("cadre_dongshan", "/api/messages/read-all", Map.of()).getStatusCode().value()).isEqualTo(200);
    assertThat(unread("cadre_dongshan")).isZero();
    assertThat(api.get("cadre_dongshan", "/api/messages?size=500").getStatusCode().value()).isEqualTo(400);
  }

  @Test
  void onlyTheCountysAdministratorKeepsItsRobotsAndOnlyAtTheVendorsAddresses() throws Exception {
    Map<String, Object> wecom = Map.of("channel", "WECOM", "countyCode", COUNTY, "name", "幸福县帮扶工作群",
        "webhookUrl", wecomUrl(WECOM_KEY));
    for (String user : List.of("cadre_dongshan", "approver_county", "supervisor_county", "owner_province")) {
      ResponseEntity<Map<String, Object>> refused = api.post(user, "/api/robots", wecom);
      assertThat(refused.getStatusCode().value()).as(user).isEqualTo(403);
      assertThat(refused.getBody().toString()).contains("只有县级系统管理员可以配置消息机器人");
      assertThat(api.get(user, "/api/robots/counties").getStatusCode().value()).as(user).isEqualTo(403);
    }
    // the server posts only to the vendors' endpoints: not to itself, not to the engine's REST API, not elsewhere
    for (String url : List.of("http://127.0.0.1:" + rest.getRootUri().replaceAll(".*:", "")
            + "/engine-rest/task?key=x", "https://example.org/cgi-bin/webhook/send?key=x",
        wecomUrl("") , wecomUrl("abc def"), "javascript:alert(1)")) {
      Map<String, Object> body = new HashMap<>(wecom);
      body.put("webhookUrl", url);
      ResponseEntity<Map<String, Object>> refused = api.post("admin_county", "/api/robots", body);
      assertThat(refused.getStatusCode().value()).as(url).isEqualTo(400);
      assertThat(refused.getBody().toString()).contains("Webhook 地址应以");
    }
    Map<String, Object> noSecret = Map.of("channel", "DINGTALK", "countyCode", COUNTY, "name", "钉钉群",
        "webhookUrl", dingUrl(DING_TOKEN));
    assertThat(api.post("admin_county", "/api/robots", noSecret).getBody().toString()).contains("加签");
    Map<String, Object> otherCounty = new HashMap<>(wecom);
    otherCounty.put("countyCode", "629902");
    assertThat(api.post("admin_county", "/api/robots", otherCounty).getBody().toString()).contains("不是您管理的县");

    ResponseEntity<Map<String, Object>> created = api.post("admin_county", "/api/robots", wecom);
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    long id = ((Number) created.getBody().get("id")).longValue();
    robots.add(id);
    assertThat(api.post("admin_county", "/api/robots", wecom).getStatusCode().value()).as("one per scope")
        .isEqualTo(409);
    // the key never comes back, neither in the answer nor in the list
    assertThat(created.getBody().toString()).doesNotContain(WECOM_KEY).contains("9901");
    assertThat(api.as("admin_county").getForObject("/api/robots", String.class)).doesNotContain(WECOM_KEY);
    assertThat(api.get("cadre_dongshan", "/api/robots").getStatusCode().value()).isEqualTo(403);
    assertThat(api.put("cadre_dongshan", "/api/robots/999999", wecom).getStatusCode().value())
        .as("refused for the role, whatever the id").isEqualTo(403);
    assertThat(api.as("cadre_dongshan").exchange("/api/robots/" + id, org.springframework.http.HttpMethod.DELETE,
        null, String.class).getStatusCode().value()).isEqualTo(403);

    // the test button reports the vendor's answer: down, then a refusal, then through
    ResponseEntity<Map<String, Object>> down = api.post("admin_county", "/api/robots/" + id + "/test", Map.of());
    assertThat(down.getStatusCode().value()).isEqualTo(409);
    assertThat(down.getBody().toString()).contains("发送失败", "无法连接");
    try (RobotStub stub = new RobotStub(ROBOT_PORT).weCom("another-key").start()) {
      assertThat(api.post("admin_county", "/api/robots/" + id + "/test", Map.of()).getBody().toString())
          .contains("errcode 93000");
    }
    try (RobotStub stub = new RobotStub(ROBOT_PORT).weCom(WECOM_KEY).start()) {
      assertThat(api.post("admin_county", "/api/robots/" + id + "/test", Map.of()).getBody().toString())
          .contains("发送成功");
      assertThat(stub.posts()).singleElement().satisfies(p -> assertThat(p.content()).contains("测试消息", "幸福县"));
    }
  }

  @Test
  void eachKindReachesTheRobotsOnceAcrossAnOutageAServerErrorAndTheRateLimit() throws Exception {
    robots.add(robot(Map.of("channel", "WECOM", "countyCode", COUNTY, "name", "幸福县帮扶工作群",
        "webhookUrl", wecomUrl(WECOM_KEY))));
    robots.add(robot(Map.of("channel", "DINGTALK", "countyCode", COUNTY, "name", "幸福县督导群",
        "webhookUrl", dingUrl(DING_TOKEN), "secret", DING_SECRET)));
    // the cadre chooses WeCom for everything, the supervisor DingTalk; nobody else chose a robot
    ResponseEntity<Map<String, Object>> badMobile = api.put("cadre_dongshan", "/api/messages/settings",
        Map.of("mobile", "12345"));
    assertThat(badMobile.getStatusCode().value()).isEqualTo(400);
    assertThat(badMobile.getBody().toString()).contains("手机号应为11位数字");
    assertThat(api.put("cadre_dongshan", "/api/messages/settings", Map.of("choices", Map.of("NOPE", Map.of())))
        .getStatusCode().value()).isEqualTo(400);
    Map<String, Object> cadreSettings = api.put("cadre_dongshan", "/api/messages/settings",
        Map.of("mobile", CADRE_MOBILE, "choices", allKinds("WECOM"))).getBody();
    assertThat(cadreSettings.toString()).contains("mobile=" + CADRE_MOBILE);
    assertThat(cadreSettings.get("channels").toString()).contains("channel=WECOM, label=企业微信群, available=true");
    api.put("supervisor_county", "/api/messages/settings", Map.of("mobile", SUPERVISOR_MOBILE,
        "choices", allKinds("DINGTALK")));

    // the robots' vendors are unreachable while the case goes on: new task, 退回, 催办, 抄送, reminder, escalation,
    // the digest
    String bk = caseAtTownshipReview(DONGSHAN, "cadre_dongshan");
    String review = (String) api.tasks("reviewer_heping", bk).get(0).get("id");
    api.post("reviewer_heping", "/api/tasks/" + review + "/return", Map.of("target",
        RiskIdentification.VERIFY_HOUSEHOLD, "reasonCode", "VERIFICATION_INSUFFICIENT", "comment", "请补充医疗票据"));
    Task verify = taskService.createTaskQuery().processInstanceBusinessKey(bk)
        .taskDefinitionKey(RiskIdentification.VERIFY_HOUSEHOLD).singleResult();
    assertThat(api.post("reviewer_heping", "/api/tasks/" + verify.getId() + "/urge", Map.of("message", "请尽快补充"))
        .getStatusCode().value()).isEqualTo(200);
    assertThat(api.post("cadre_dongshan", "/api/tasks/" + verify.getId() + "/cc", Map.of("recipients",
        List.of("supervisor_county"), "note", "请督导组阅知")).getStatusCode().value()).isEqualTo(200);
    LocalDateTime due = LocalDateTime.ofInstant(verify.getDueDate().toInstant(), ZoneId.systemDefault());
    clockAt(due.plusDays(12));
    watcher.check();
    assertThat(digest.send(COUNTY)).isEqualTo(1);

    dispatcher.dispatch();
    assertThat(robotEntries("PENDING")).as("all kept while the robots are unreachable").isPositive();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_outbox WHERE channel <> 'MAIL' AND status = 'SENT'",
        Integer.class)).isZero();

    try (RobotStub stub = new RobotStub(ROBOT_PORT).weCom(WECOM_KEY).dingTalk(DING_TOKEN, DING_SECRET).start()) {
      // first a server error (nothing is lost), then the vendors' rate limit (tried again a minute later)
      stub.mode(RobotStub.Mode.SERVER_ERROR);
      tick(2);
      dispatcher.dispatch();
      stub.mode(RobotStub.Mode.RATE_LIMITED);
      tick(2);
      dispatcher.dispatch();
      assertThat(stub.posts()).isEmpty();
      assertThat(stub.refused()).isPositive();
      stub.mode(RobotStub.Mode.OK);
      for (int round = 0; round < 400 && robotEntries("PENDING") > 0; round++) {
        tick(1);
        dispatcher.dispatch();
      }
      assertThat(robotEntries("PENDING")).as("everything delivered in the end").isZero();
      assertThat(robotEntries("FAILED")).isZero();

      List<RobotStub.Post> posts = stub.posts();
      assertThat(posts).as("nothing posted twice").doesNotHaveDuplicates();
      List<RobotStub.Post> wecom = posts.stream().filter(p -> p.channel().equals("WECOM")).toList();
      List<RobotStub.Post> ding = posts.stream().filter(p -> p.channel().equals("DINGTALK")).toList();
      assertThat(only(wecom, bk, "新待办：入户核实").mentions()).containsExactly(CADRE_MOBILE);
      assertThat(only(wecom, bk, "退回：入户核实").content()).contains("请补充医疗票据");
      assertThat(only(wecom, bk, "催办：入户核实").content()).contains("请尽快补充");
      assertThat(only(wecom, bk, "待办到期提醒：入户核实").content()).contains("已于");
      assertThat(only(ding, bk, "逾期督办：入户核实").content()).contains("@" + SUPERVISOR_MOBILE);
      assertThat(only(ding, bk, "抄送：入户核实").mentions()).containsExactly(SUPERVISOR_MOBILE);
      assertThat(ding.stream().filter(p -> p.content().contains("逾期待办日报（" + due.plusDays(12).toLocalDate())))
          .hasSize(1);
      assertThat(wecom).as("the cadre's messages only").noneMatch(p -> p.content().contains("逾期督办"));
      // the robots never heard of a user who chose none (the township reviewer's new task)
      assertThat(posts).noneMatch(p -> p.content().contains("新待办：乡镇审核") && p.content().contains(bk));
    }
    // at most the vendors' 20 posts a minute per robot: any 21 posts of a robot span more than a minute
    for (long id : robots) {
      List<LocalDateTime> sent = jdbc.queryForList("SELECT sent_at FROM bf_outbox WHERE recipient = ? AND "
          + "status = 'SENT' ORDER BY sent_at", java.sql.Timestamp.class, "robot:" + id).stream()
          .map(java.sql.Timestamp::toLocalDateTime).toList();
      assertThat(sent).as("robot %s posted", id).isNotEmpty();
      for (int i = 0; i + 20 < sent.size(); i++) {
        assertThat(java.time.Duration.between(sent.get(i), sent.get(i + 20))).isGreaterThanOrEqualTo(
            java.time.Duration.ofMinutes(1));
      }
    }
  }

  /** After a year a message and its sent copy are deleted; a copy still waiting to go out stays, however old. */
  @Test
  void messagesAreKeptForAYear() {
    String key = "retention-test:" + System.nanoTime();
    assertThat(messages.send(new Message(key + ":a", MessageKind.URGE, "催办：保留期测试", "正文", null, null),
        List.of("cadre_xihe"))).isEqualTo(1);
    jdbc.update("UPDATE bf_outbox SET status = 'SENT' WHERE dedup_key LIKE ?", key + ":a|%");
    clockAt(LocalDateTime.now().plusDays(200));
    messages.send(new Message(key + ":b", MessageKind.URGE, "催办：保留期测试", "正文", null, null),
        List.of("cadre_xihe"));
    clockAt(LocalDateTime.now().plusDays(366));
    retention.sweep();
    assertThat(jdbc.queryForList("SELECT dedup_key FROM bf_message WHERE dedup_key LIKE ?", String.class, key + "%"))
        .containsExactly(key + ":b|user:cadre_xihe");
    assertThat(jdbc.queryForList("SELECT dedup_key FROM bf_outbox WHERE dedup_key LIKE ?", String.class, key + "%"))
        .as("the year-old sent mail gone, the pending one kept").containsExactly(key + ":b|cadre_xihe@demo.bangfu.org");
    jdbc.update("DELETE FROM bf_outbox WHERE dedup_key LIKE ?", key + "%");
  }

  // --- helpers

  private static Map<String, Map<String, Boolean>> allKinds(String channel) {
    Map<String, Map<String, Boolean>> choices = new LinkedHashMap<>();
    for (MessageKind kind : MessageKind.values()) {
      choices.put(kind.name(), Map.of(channel, true, "MAIL", false));
    }
    return choices;
  }

  private long robot(Map<String, Object> body) {
    ResponseEntity<Map<String, Object>> created = api.post("admin_county", "/api/robots", body);
    assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
    return ((Number) created.getBody().get("id")).longValue();
  }

  private RobotStub.Post only(List<RobotStub.Post> posts, String bk, String what) {
    List<RobotStub.Post> found = posts.stream().filter(p -> p.content().contains(what) && p.content().contains(bk))
        .toList();
    assertThat(found).as("%s of %s", what, bk).hasSize(1);
    return found.get(0);
  }

  private int robotEntries(String status) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM bf_outbox WHERE channel <> 'MAIL' AND status = ? AND "
        + "recipient IN (" + String.join(",", robots.stream().map(id -> "'robot:" + id + "'").toList()) + ")",
        Integer.class, status);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> messagesOf(String user) {
    return (List<Map<String, Object>>) api.get(user, "/api/messages?size=100").getBody().get("messages");
  }

  private Map<String, Object> message(String user, String bk, String kind, String step) {
    List<Map<String, Object>> found = messagesOf(user).stream().filter(m -> kind.equals(m.get("kind"))
        && m.get("body").toString().contains(bk) && m.get("title").toString().contains(step)).toList();
    assertThat(found).as("%s's %s message about %s of %s", user, kind, step, bk).hasSize(1);
    return found.get(0);
  }

  private int unread(String user) {
    return ((Number) api.get(user, "/api/messages/unread").getBody().get("unread")).intValue();
  }

  private static String wecomUrl(String key) {
    return "http://127.0.0.1:" + ROBOT_PORT + RobotStub.WECOM_PATH + "?key=" + key;
  }

  private static String dingUrl(String token) {
    return "http://127.0.0.1:" + ROBOT_PORT + RobotStub.DINGTALK_PATH + "?access_token=" + token;
  }

  private static void tick(int minutes) {
    clockAt(LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault())
        .plusMinutes(minutes).plusSeconds(1));
  }

  private static void clockAt(LocalDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.atZone(ZoneId.systemDefault()).toInstant()));
  }
}
