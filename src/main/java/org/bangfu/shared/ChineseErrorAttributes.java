package org.bangfu.shared;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * The errors no controller of ours answers — an address nothing serves, a method an address does not take, a
 * refusal of the servlet container — reach Spring Boot's error page, which says them in English ("Method Not
 * Allowed"). Its {@code error} is said in Chinese here, like every other refusal of the API.
 */
@Component
public class ChineseErrorAttributes extends DefaultErrorAttributes {

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Map<String, Object> attributes = super.getErrorAttributes(request, options);
    if (attributes.get("status") instanceof Integer status) {
      String words = words(status);
      if (words != null) {
        attributes.put("error", words);
      }
    }
    return attributes;
  }

  /** What a refusal of this status says when nothing more particular is known; null for others. */
  public static String words(int status) {
    return switch (status) {
      case 400 -> "请求格式不正确";
      case 401 -> "请先登录";
      case 403 -> "您没有执行此操作的权限";
      case 404 -> "地址不存在";
      case 405 -> "此地址不支持该请求方法";
      case 406 -> "无法按请求的格式返回内容";
      case 413 -> "提交的内容太大";
      case 415 -> "请求内容的格式不支持";
      case 500 -> "系统内部错误，请稍后重试或联系管理员";
      default -> null;
    };
  }
}
