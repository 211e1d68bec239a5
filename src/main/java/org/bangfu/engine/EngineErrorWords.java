package org.bangfu.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bangfu.shared.ChineseErrorAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine's REST API (and Tasklist's copy of it) says some refusals in its own English even where our words are
 * inside: "Cannot complete task 1f…: “摸排情况”应为文字", "The user with id 'x' does not have … 'TASK_WORK'
 * permission", "HTTP 404 Not Found". Tasklist shows that text to a village cadre. This filter rewrites the message of
 * such a refusal ({@code {"type","message"}}, status 4xx) into Chinese; a success, and any answer under 400, goes
 * through untouched and unbuffered. A refusal to <em>read</em> a task (its variables, form, candidates) is answered
 * as the read of the task itself is, 404 "not there": the engine's 403 named the task and its process, telling
 * someone of another region that it exists and at which stage its case is.
 */
public class EngineErrorWords extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** "Cannot complete task ID: …", "Cannot submit task form ID: …", "Cannot resolve task ID: …". */
  private static final Pattern ACTION_PREFIX = Pattern.compile("^Cannot [A-Za-z ]+? \\S+: (.*)$", Pattern.DOTALL);
  private static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fff]");
  private static final Pattern HTTP_REASON = Pattern.compile("HTTP \\d{3} [A-Za-z ]+");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Rewriting rewriting = new Rewriting(response);
    chain.doFilter(request, rewriting);
    rewriting.finish();
  }

  /** The message in Chinese, or null when it is to stay as it is. */
  static String words(int status, String type, String message) {
    if (message == null) {
      return null;
    }
    Matcher prefixed = ACTION_PREFIX.matcher(message);
    if (prefixed.matches() && CHINESE.matcher(prefixed.group(1)).find()) {
      return prefixed.group(1);
    }
    if (CHINESE.matcher(message).find()) {
      return null;
    }
    if ("AuthorizationException".equals(type) || status == 403) {
      // the engine's own check (the gate's refusals are in Chinese already): which permission was missing
      String permission = message.contains("'TASK_WORK'") ? "办理此任务" : message.contains("'TASK_ASSIGN'")
          ? "指派此任务" : message.contains("'DELETE'") ? "删除" : message.contains("'UPDATE'") ? "修改"
          : message.contains("'CREATE'") ? "创建" : message.contains("'READ'") ? "查看" : "进行此项操作";
      return "您没有" + permission + "的权限";
    }
    if ("QueryParamException".equals(type)) {
      return "查询参数有误：" + (message.contains("maxResults") || message.contains("firstResult")
          ? "分页参数应为整数" : "请检查参数的写法");
    }
    // JAX-RS's own refusals ("HTTP 404 Not Found"): the words the application's error page uses for the status
    if (!HTTP_REASON.matcher(message).matches()) {
      // the resources' own "No matching task with id …" (also for another region's task): as the engine's commands
      return status == 404 ? UserErrorInterceptor.NOT_FOUND : null;
    }
    String words = ChineseErrorAttributes.words(status);
    // the engine API takes JSON only: a wrong content type is told so
    return status == 415 && words != null ? words + "：请以 JSON 提交" : words;
  }

  /**
   * Whether the engine refused the user the reading of a task. (Reading a process instance is refused to everyone
   * but administrators — the case's data is read through the application — so that refusal stays a 403.)
   */
  static boolean unreadable(JsonNode refusal) {
    for (JsonNode missing : refusal.path("missingAuthorizations")) {
      if ("READ".equals(missing.path("permissionName").asText(""))
          && "Task".equals(missing.path("resourceName").asText(""))) {
        return true;
      }
    }
    return false;
  }

  /** Passes a response through, except a refusal's body, which is kept to be rewritten. */
  private static final class Rewriting extends HttpServletResponseWrapper {
    private ByteArrayOutputStream kept;
    private ServletOutputStream stream;
    private PrintWriter writer;

    Rewriting(HttpServletResponse response) {
      super(response);
    }

    private boolean refusal() {
      return getStatus() >= 400 && getStatus() < 500;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (!refusal()) {
        return super.getOutputStream();
      }
      if (stream == null) {
        kept = new ByteArrayOutputStream();
        stream = new ServletOutputStream() {
          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            // written synchronously
          }

          @Override
          public void write(int b) {
            kept.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            kept.write(b, off, len);
          }
        };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (!refusal()) {
        return super.getWriter();
      }
      if (writer == null) {
        writer = new PrintWriter(new java.io.OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
      }
      return writer;
    }

    @Override
    public void setContentLength(int len) {
      if (!refusal()) {
        super.setContentLength(len);
      }
    }

    @Override
    public void setContentLengthLong(long len) {
      if (!refusal()) {
        super.setContentLengthLong(len);
      }
    }

    @Override
    public void flushBuffer() throws IOException {
      if (kept == null) {
        super.flushBuffer();
      }
    }

    void finish() throws IOException {
      if (kept == null) {
        return;
      }
      if (writer != null) {
        writer.flush();
      }
      byte[] body = kept.toByteArray();
      try {
        JsonNode json = body.length == 0 ? null : JSON.readTree(body);
        if (json instanceof ObjectNode object && getStatus() == 403 && unreadable(object) && !isCommitted()) {
          setStatus(404);
          ObjectNode notThere = JSON.createObjectNode();
          notThere.put("type", "InvalidRequestException");
          notThere.put("message", UserErrorInterceptor.NOT_FOUND);
          body = JSON.writeValueAsBytes(notThere);
        } else if (json instanceof ObjectNode object) {
          String rewritten = words(getStatus(), object.path("type").asText(null), object.path("message").asText(null));
          if (rewritten != null) {
            object.put("message", rewritten);
            body = JSON.writeValueAsBytes(object);
          }
        }
      } catch (IOException notJson) {
        // not the engine's JSON: left as it was
      }
      HttpServletResponse response = (HttpServletResponse) getResponse();
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }
}
