package org.bangfu.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.bangfu.shared.ErrorBodies;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads it, a request whose body is declared in a way no handler can read: a Content-Type
 * that does not parse or has a wildcard ({@code *}{@code /*}), or multipart without a boundary. Further in, Spring
 * and Tomcat meet these in places no error handler reaches (the header's parsing, the multipart parsing a filter
 * triggers) and answer 500; a fuzz run found them (GeneratedBadInputIT). The answer is in the form of the request's
 * door ({@link ErrorBodies}).
 */
public class RequestShapeFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String contentType = request.getContentType();
    if (contentType != null && !contentType.isBlank()) {
      MediaType type;
      try {
        type = MediaType.parseMediaType(contentType);
      } catch (InvalidMediaTypeException e) {
        refuse(request, response, 415, "请求的内容类型（Content-Type）无效：" + abbreviate(contentType));
        return;
      }
      if (type.isWildcardType() || type.isWildcardSubtype()) {
        refuse(request, response, 415, "请求的内容类型（Content-Type）不能含通配符：" + abbreviate(contentType));
        return;
      }
      if ("multipart".equals(type.getType()) && type.getParameter("boundary") == null) {
        refuse(request, response, 400, "上传请求的格式有误：缺少分隔符（boundary），请通过页面或正常的上传方式提交文件");
        return;
      }
    }
    chain.doFilter(request, response);
  }

  static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message)
      throws IOException {
    ErrorBodies.forDoor(request, response, status, "InvalidRequestException", message);
  }

  private static String abbreviate(String text) {
    String printable = text.replaceAll("[\\p{Cntrl}]", "?");
    return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
  }
}
