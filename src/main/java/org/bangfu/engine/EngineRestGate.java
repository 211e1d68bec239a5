package org.bangfu.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bangfu.region.CandidateGroups;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine's REST API — {@code /engine-rest} (HTTP Basic) and the webapps' {@code /camunda/api/engine} (Tasklist,
 * Cockpit) — is a door to everything the engine can do, and Camunda's default grants let a task's candidate rewrite
 * its variables, hand it to anyone, rename it and move its due date (docs/adr/0004). This gate lets
 * through only what Tasklist, Cockpit and our pages need, for every signed-in user, administrators included where
 * the case is concerned:
 * <ul>
 *   <li>reading (GET) and the engine's queries (POST …/count, filter lists) — the engine's authorizations apply;</li>
 *   <li>a task is claimed only by oneself, unclaimed only by its assignee, given an assignee only when that is
 *       oneself on a free task; handing it to anyone else is 转办/委派/加签/抄送 in our API
 *       ({@code /api/tasks/{id}/…}), which checks the region and writes the audit;</li>
 *   <li>a completion ({@code complete}, {@code submit-form}, {@code resolve}) carries exactly the fields the
 *       step's deployed form lets the user edit — anything else is 400 and nothing is written; a 会签 sub-task is
 *       completed only with an opinion through {@code /api/tasks/{id}/co-sign}; an administrator completes only
 *       tasks offered to them;</li>
 *   <li>variables are never written outside a completion, by anyone: routing, references and decisions belong to
 *       the application's steps (a wrong fact is corrected by returning the case to the step that records it,
 *       which is audited); nor are processes started, messages or signals sent, tasks changed (name, due date,
 *       candidates) or created by hand;</li>
 *   <li>one's own password may be changed (with the current one); one's name and e-mail are the administrator's;</li>
 *   <li>non-administrators may do nothing else; administrators keep Cockpit's and Admin's operations (suspension,
 *       retries, migration and modification without variables, deployments — which the engine checks for code,
 *       {@code ModelCodeGuard} — users, groups, authorizations, the history cleanup).</li>
 * </ul>
 * Refusals answer as the engine's REST API does ({@code {"type","message"}}), in Chinese, so Tasklist shows them.
 */
public class EngineRestGate extends OncePerRequestFilter {

  /** The prefix of the webapps' copy of the engine REST API (then {@code /engine/{name}}). */
  static final String WEBAPP_PREFIX = "/camunda/api/engine/engine/";
  static final String REST_PREFIX = "/engine-rest";

  /** Largest body read for a completion (a form's fields; the plan form is the largest at a few KB). */
  static final int MAX_BODY = 1 << 20;

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Pattern QUERY = Pattern.compile(
      "/(history/)?(task|process-instance|variable-instance|activity-instance|execution|job|job-definition"
          + "|incident|decision-instance|identity-link-log|user-operation|detail|process-definition|deployment"
          + "|external-task|external-task-log|batch|job-log|group)(/count)?");
  private static final Pattern FILTER_READ = Pattern.compile("/filter/[^/]+/(list|count|singleResult)");
  private static final Pattern FILTER_OWN = Pattern.compile("/filter(/create|/[^/]+)");
  private static final Pattern TASK_ACTION = Pattern.compile("/task/([^/]+)/([a-z-]+)");
  private static final Pattern COMMENT = Pattern.compile("/task/([^/]+)/comment/create");
  /** One's own password (the Welcome page, with the current one as the engine asks); the engine then decides. */
  private static final Pattern OWN_PASSWORD = Pattern.compile("/user/([^/]+)/credentials");
  /**
   * A user's name and e-mail: the administrator's (they are who the audit, the mails and the pages name). Camunda
   * lets every user change their own, through the Welcome page.
   */
  private static final Pattern PROFILE = Pattern.compile("/user/[^/]+/profile");
  /**
   * The engine's history cleanup, run now rather than in its nightly window: administrators only. It removes only
   * the engine's history of processes past their time to live, never the case file.
   */
  private static final Pattern HISTORY_CLEANUP = Pattern.compile("/history/cleanup");
  private static final Pattern VARIABLES = Pattern.compile(
      "/(task|process-instance|execution|case-instance|case-execution)/[^/]+/(variables|localVariables)(/.*)?"
          + "|/process-instance/variables-async");
  private static final Pattern STARTS = Pattern.compile(
      "/process-definition/.*/(start|submit-form|restart|restart-async)|/message(/.*)?|/signal|/condition"
          + "|/case-definition/.*|/decision-definition/.*/evaluate|/process-instance/message-async"
          + "|/execution/[^/]+/(signal|messageSubscriptions/.*)|/external-task/.*");
  private static final Pattern TASK_CHANGE = Pattern.compile(
      "/task/create|/task/[^/]+|/task/[^/]+/(identity-links|identity-links/delete|delegate|attachment/create"
          + "|attachment/[^/]+|bpmnError|bpmnEscalation)");
  /**
   * Operations on many process instances at once (batches, by query, by definition, history removal): the engine
   * logs them per batch, not per case, so no case's audit would show them. Refused for everyone; Cockpit's
   * operations on one instance stay (and are audited), running cases migrate through the application's migration.
   */
  private static final Pattern MANY_CASES = Pattern.compile(
      "/process-instance/(delete|delete-historic-query-based|job-retries|job-retries-historic-query-based"
          + "|suspended-async|suspended)|/process-instance/[^/]+/modification-async|/modification/execute(Async)?"
          + "|/migration/execute(Async)?|/job/(retries|suspended)"
          + "|/job-definition/(suspended|[^/]+/(suspended|retries|jobPriority))"
          + "|/history/process-instance/.+|/history/(batch|decision-instance)/.+|/history/variable-instance/.+"
          + "|/process-definition/[^/]+/history-time-to-live"
          + "|/process-definition/key/[^/]+(/tenant-id/[^/]+)?/history-time-to-live");
  /** A definition's suspension: refused when it takes the running cases with it. */
  private static final Pattern DEFINITION_SUSPENSION = Pattern.compile(
      "/process-definition/(suspended|[^/]+/suspended|key/[^/]+(/tenant-id/[^/]+)?/suspended)");
  /** Deleting a deployment or definition: refused when it deletes the running cases with it (cascade). */
  private static final Pattern DEFINITION_DELETE = Pattern.compile(
      "/deployment/[^/]+|/process-definition/[^/]+|/process-definition/key/[^/]+(/tenant-id/[^/]+)?");

  private static final Pattern WITH_INSTRUCTIONS = Pattern.compile(
      "/process-instance/[^/]+/modification(-async)?|/modification/execute(Async)?|/migration/execute(Async)?");

  private final Supplier<ProcessEngine> engineLookup;
  private volatile ProcessEngine engine;

  public EngineRestGate(Supplier<ProcessEngine> engine) {
    this.engineLookup = engine;
  }

  /** Who is calling: the user and whether they administer the system; null when nobody is signed in. */
  record Caller(String userId, List<String> groups, boolean admin) {
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = enginePath(request);
    String method = request.getMethod();
    if (path == null || "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
      chain.doFilter(request, response);
      return;
    }
    if (engine == null) {
      engine = engineLookup.get();
    }
    Caller caller = caller(request);
    if (caller == null) {
      chain.doFilter(request, response); // the engine's authentication answers 401
      return;
    }
    // the body is read only where the gate rules on it (completions, claims, modifications): a deployment's files
    // go to the engine untouched
    Matcher action = TASK_ACTION.matcher(path);
    boolean readsBody = action.matches() && TASK_ACTIONS.contains(action.group(2))
        || WITH_INSTRUCTIONS.matcher(path).matches() || DEFINITION_SUSPENSION.matcher(path).matches();
    BufferedRequest buffered = readsBody ? new BufferedRequest(request) : null;
    if (buffered != null && buffered.tooLarge) {
      refuse(response, 413, "InvalidRequestException", "提交的数据太大");
      return;
    }
    JsonNode json = buffered == null ? null : buffered.json();
    if (buffered != null && json == null && buffered.hasBody()) {
      refuse(response, 400, "InvalidRequestException", "提交的数据不是有效的 JSON");
      return;
    }
    if (json != null && !json.isObject()) {
      // "null", a list or a bare value: the engine's resources take the body as an object and fail with a
      // NullPointerException (500) on anything else (found by the fuzz run)
      refuse(response, 400, "InvalidRequestException", "提交的数据应为 JSON 对象（{…}）");
      return;
    }
    HttpServletRequest forwarded = buffered == null ? request : buffered;
    Refusal refusal = decide(method, path, caller, json, "true".equalsIgnoreCase(request.getParameter("cascade")));
    if (refusal != null) {
      refuse(response, refusal.status(), refusal.status() == 403 ? "AuthorizationException"
          : "InvalidRequestException", refusal.message());
      return;
    }
    try {
      // what passes is the engine's own operation: its operation log goes to the case's audit
      EngineRequest.during(caller.userId(), method, path, () -> chain.doFilter(forwarded, response));
    } catch (IOException | ServletException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new ServletException(e);
    }
  }

  record Refusal(int status, String message) {
    static Refusal forbidden(String message) {
      return new Refusal(403, message);
    }
  }

  /** What the gate says to a request: null to let it through. */
  Refusal decide(String method, String path, Caller caller, JsonNode body, boolean cascade) {
    if ("POST".equals(method) && (QUERY.matcher(path).matches() || FILTER_READ.matcher(path).matches())) {
      return null; // the engine's queries read only, with the engine's authorizations
    }
    if (VARIABLES.matcher(path).matches()) {
      return Refusal.forbidden("流程变量只能由系统步骤写入（办理任务时请填写表单）" + (caller.admin()
          ? "；案件信息有误时，请退回到相应环节由经办人更正，更正会记入案件档案" : ""));
    }
    if (MANY_CASES.matcher(path).matches()
        || DEFINITION_SUSPENSION.matcher(path).matches() && body != null
        && body.path("includeProcessInstances").asBoolean(false)
        || "DELETE".equals(method) && cascade && DEFINITION_DELETE.matcher(path).matches()) {
      return Refusal.forbidden("一次改动多个案件的操作（批量删除、挂起、迁移、修改、重试，删除历史）不能通过引擎接口进行："
          + "每个案件的每次改动都要记入案件档案。请在 Cockpit 中逐个案件处理；迁移运行中的案件请使用系统的“迁移”功能");
    }
    if (STARTS.matcher(path).matches()) {
      return Refusal.forbidden("案件流程由系统发起和推进（登记风险线索、部门数据导入、定时任务），不能直接启动流程、发送消息"
          + "或代替系统步骤完成外部任务");
    }
    Matcher action = TASK_ACTION.matcher(path);
    if (action.matches() && TASK_ACTIONS.contains(action.group(2))) {
      return taskAction(action.group(1), action.group(2), caller, body);
    }
    Matcher comment = COMMENT.matcher(path);
    if (comment.matches()) {
      // the engine's command writes a comment on any task id without asking who may (Camunda's REST resource looks
      // the task up first and answers in English): on a task the user may not read, the same 404 as its read
      return caller.admin() || readable(comment.group(1), caller) ? null
          : new Refusal(404, UserErrorInterceptor.NOT_FOUND);
    }
    if (TASK_CHANGE.matcher(path).matches()) {
      return Refusal.forbidden("任务的办理人、候选人、名称和期限由流程确定；转交他人请使用“审批操作”中的转办、委派、加签或抄送");
    }
    if (FILTER_OWN.matcher(path).matches()) {
      return null; // Tasklist's own filters: the engine's filter authorizations decide
    }
    if ("/identity/password-policy".equals(path)) {
      return null; // checking a new password against the policy (the Welcome page)
    }
    Matcher password = OWN_PASSWORD.matcher(path);
    if (password.matches() && password.group(1).equals(caller.userId())) {
      return null;
    }
    if (PROFILE.matcher(path).matches() && !caller.admin()) {
      return Refusal.forbidden("姓名和电子邮箱由系统管理员维护，如需修改请联系管理员");
    }
    if (HISTORY_CLEANUP.matcher(path).matches() && !caller.admin()) {
      return Refusal.forbidden("只有系统管理员可以清理历史数据");
    }
    if (caller.admin()) {
      if (WITH_INSTRUCTIONS.matcher(path).matches() && carriesVariables(body)) {
        return Refusal.forbidden("修改或迁移流程实例时不能同时写入流程变量");
      }
      return null;
    }
    return Refusal.forbidden("您没有执行此操作的权限（" + method + " " + path + "）");
  }

  /** The task actions the gate rules on; the rest of /task/{id}/… is refused or read. */
  private static final java.util.Set<String> TASK_ACTIONS = java.util.Set.of("claim", "unclaim", "assignee",
      "complete", "submit-form", "resolve");

  private Refusal taskAction(String taskId, String action, Caller caller, JsonNode body) {
    TaskSubmission.Facts task = TaskSubmission.of((ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration(), taskId);
    if (task == null) {
      return null; // the engine answers that it does not exist
    }
    String me = caller.userId();
    boolean offered = task.offeredTo(me, g -> isMember(me, g));
    if (!offered && !caller.admin() && !readable(taskId, caller)) {
      // a task the user may not even read (another region's, a department's without its measure): the same 404 as
      // its read — the engine's refusal would name the task and its process, telling them it exists
      return new Refusal(404, UserErrorInterceptor.NOT_FOUND);
    }
    if (caller.admin() && !offered) {
      return Refusal.forbidden("管理员不能代替审批人员办理任务");
    }
    switch (action) {
      case "claim" -> {
        String userId = text(body, "userId");
        return me.equals(userId) ? null : Refusal.forbidden("只能由本人认领任务；交给他人请使用转办");
      }
      case "unclaim" -> {
        if (task.assignee() == null || me.equals(task.assignee())) {
          return null;
        }
        // who holds it is said only to those the task is offered to: others may not even see that it exists
        return Refusal.forbidden(offered ? "该任务已由 " + UserNames.inCommand(engine.getIdentityService(),
            List.of(task.assignee())) + " 认领，只有认领人可以取消认领" : "只有认领人可以取消认领");
      }
      case "assignee" -> {
        String userId = text(body, "userId");
        boolean takeFree = me.equals(userId) && (task.assignee() == null || me.equals(task.assignee()));
        boolean giveBack = userId == null && me.equals(task.assignee());
        return takeFree || giveBack ? null
            : Refusal.forbidden("办理人只能是本人；交给他人请使用“审批操作”中的转办或委派");
      }
      default -> {
        if (task.isCoSign()) {
          return Refusal.forbidden(TaskSubmission.CO_SIGN_REFUSAL);
        }
        List<String> typed = unsupportedTypes(body);
        if (!typed.isEmpty()) {
          return new Refusal(400, TaskSubmission.UNSUPPORTED_TYPES + String.join("、", typed));
        }
        String refused = task.fieldRefusal(variables(body));
        return refused == null ? null : new Refusal(400, refused);
      }
    }
  }

  /** Whether the engine lets the caller read the task (its query with their authentication, as its GET asks). */
  private boolean readable(String taskId, Caller caller) {
    return SystemQueries.asUser(engine.getIdentityService(), caller.userId(), caller.groups(),
        () -> engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0);
  }

  private boolean isMember(String userId, String groupId) {
    return engine.getIdentityService().createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
  }

  private static boolean carriesVariables(JsonNode body) {
    if (body == null) {
      return false;
    }
    if (body.path("variables").size() > 0) {
      return true;
    }
    for (JsonNode instruction : body.path("instructions")) {
      if (instruction.path("variables").size() > 0) {
        return true;
      }
    }
    return false;
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body == null ? null : body.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** The types a form submits (Tasklist and form-js send these; the engine infers one when none is given). */
  private static final java.util.Set<String> FORM_TYPES = java.util.Set.of("string", "boolean", "integer", "long",
      "short", "double", "date", "null");

  /** The names of submitted variables of another type (Object, Json, Xml, File, Bytes…), in the order given. */
  static List<String> unsupportedTypes(JsonNode body) {
    List<String> names = new java.util.ArrayList<>();
    if (body != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = body.path("variables").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        String type = entry.getValue().path("type").asText("");
        JsonNode value = entry.getValue().path("value");
        if (!type.isEmpty() && !FORM_TYPES.contains(type.toLowerCase(java.util.Locale.ROOT))
            || value.isObject() || value.isArray()) {
          names.add(entry.getKey());
        }
      }
    }
    return names;
  }

  /** The variables of a completion body, by name, with their values ({@code {"x":{"value":…}}}). */
  static Map<String, Object> variables(JsonNode body) {
    Map<String, Object> variables = new LinkedHashMap<>();
    if (body == null) {
      return variables;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = body.path("variables").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode value = entry.getValue().path("value");
      variables.put(entry.getKey(), value.isNumber() ? value.numberValue() : value.isBoolean() ? value.booleanValue()
          : value.isNull() || value.isMissingNode() ? null : value.asText());
    }
    return variables;
  }

  /** The path inside the engine API ({@code /task/1/complete}), or null for a request outside it. */
  static String enginePath(HttpServletRequest request) {
    String uri = fullPath(request);
    if (uri.startsWith(REST_PREFIX + "/")) {
      String rest = uri.substring(REST_PREFIX.length());
      // /engine-rest/engine/{name}/… names the engine explicitly
      return rest.startsWith("/engine/") ? afterEngineName(rest.substring("/engine/".length())) : rest;
    }
    if (uri.startsWith(WEBAPP_PREFIX)) {
      return afterEngineName(uri.substring(WEBAPP_PREFIX.length()));
    }
    return null;
  }

  /** The servlet container's decoded and normalised path (no "..", no ";params"), as the REST servlet sees it. */
  static String fullPath(HttpServletRequest request) {
    String uri = (request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()))
        .replaceAll("/{2,}", "/");
    while (uri.length() > 1 && uri.endsWith("/")) {
      uri = uri.substring(0, uri.length() - 1);
    }
    return uri;
  }

  private static String afterEngineName(String rest) {
    int slash = rest.indexOf('/');
    return slash < 0 ? "/" : rest.substring(slash);
  }

  private Caller caller(HttpServletRequest request) {
    if (fullPath(request).startsWith(REST_PREFIX + "/")) {
      Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
      if (authentication == null || authentication.getUserId() == null) {
        return null;
      }
      List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
      return new Caller(authentication.getUserId(), groups, groups.contains(CandidateGroups.ADMIN));
    }
    HttpSession session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return null;
    }
    var authentication = authentications.getAuthenticationForProcessEngine(engine.getName());
    if (!(authentication instanceof UserAuthentication user)) {
      return null;
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds());
    return new Caller(user.getIdentityId(), groups, groups.contains(CandidateGroups.ADMIN));
  }

  private static void refuse(HttpServletResponse response, int status, String type, String message)
      throws IOException {
    org.bangfu.shared.ErrorBodies.engine(response, status, type, message);
  }

  /** The request with its body read once, for the gate and again for the engine. */
  static final class BufferedRequest extends HttpServletRequestWrapper {
    private final byte[] body;
    final boolean tooLarge;

    BufferedRequest(HttpServletRequest request) throws IOException {
      super(request);
      try (InputStream in = request.getInputStream()) {
        byte[] read = in.readNBytes(MAX_BODY + 1);
        tooLarge = read.length > MAX_BODY;
        body = tooLarge ? new byte[0] : read;
      }
    }

    boolean hasBody() {
      return body.length > 0;
    }

    JsonNode json() {
      String type = getContentType();
      if (body.length == 0 || type == null || !type.toLowerCase().contains("json")) {
        return null;
      }
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        return null; // not JSON: the engine refuses it itself
      }
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }
  }
}
