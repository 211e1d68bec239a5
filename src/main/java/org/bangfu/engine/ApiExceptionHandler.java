package org.bangfu.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.ForbiddenException;
import org.bangfu.shared.InvalidInputException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every refusal of the API as JSON {@code {"error": "...", "fields": [...]}} with a message in Chinese. */
@RestControllerAdvice(basePackages = "org.bangfu")
public class ApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidInputException e) {
    return body(HttpStatus.BAD_REQUEST, "提交的数据有误，请按提示修改", e.errors());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException e) {
    List<InvalidInputException.FieldError> fields = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new InvalidInputException.FieldError(f.getField(), f.getDefaultMessage())).toList();
    return body(HttpStatus.BAD_REQUEST, "提交的数据有误，请按提示修改", fields);
  }

  @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
  ResponseEntity<Map<String, Object>> unreadable(Exception e) {
    return body(HttpStatus.BAD_REQUEST, "请求格式不正确（数字、日期或选项的写法有误）", List.of());
  }

  /** A body in a form the API does not read (XML, plain text…): every write takes JSON. */
  @ExceptionHandler(org.springframework.web.HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType(Exception e) {
    return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请求内容的格式不支持：请以 JSON（Content-Type: application/json）提交",
        List.of());
  }

  @ExceptionHandler({org.bangfu.shared.NotFoundException.class})
  ResponseEntity<Map<String, Object>> notFound(RuntimeException e) {
    return body(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
  }

  @ExceptionHandler({NotFoundException.class, NullValueException.class})
  ResponseEntity<Map<String, Object>> engineNotFound(RuntimeException e) {
    return body(HttpStatus.NOT_FOUND, "任务不存在或已经办结", List.of());
  }

  @ExceptionHandler({ForbiddenException.class})
  ResponseEntity<Map<String, Object>> forbidden(RuntimeException e) {
    return body(HttpStatus.FORBIDDEN, e.getMessage(), List.of());
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, Object>> engineForbidden(AuthorizationException e) {
    LOG.info("engine refused: {}", e.getMessage());
    return body(HttpStatus.FORBIDDEN, "您没有办理此任务的权限", List.of());
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<Map<String, Object>> conflict(ConflictException e) {
    return body(HttpStatus.CONFLICT, e.getMessage(), List.of());
  }

  /** A rule needs a setting nobody configured: the work stops and says which (never a fallback figure). */
  @ExceptionHandler(org.bangfu.shared.MissingSettingException.class)
  ResponseEntity<Map<String, Object>> missingSetting(org.bangfu.shared.MissingSettingException e) {
    return body(HttpStatus.CONFLICT, e.getMessage(), List.of());
  }

  /** A one-request completion refused before anything was written, with its status. */
  @ExceptionHandler(CompletionRefusal.class)
  ResponseEntity<Map<String, Object>> completionRefused(CompletionRefusal e) {
    return body(HttpStatus.valueOf(e.status()), e.getMessage(), e.field() == null ? List.of()
        : List.of(new InvalidInputException.FieldError(e.field(), e.getMessage())));
  }

  @ExceptionHandler(TaskAlreadyClaimedException.class)
  ResponseEntity<Map<String, Object>> claimed(TaskAlreadyClaimedException e) {
    return body(HttpStatus.CONFLICT, "任务已被他人认领", List.of());
  }

  /**
   * A refusal {@link UserErrorInterceptor} made for the engine REST API (a conflict, a stale task) reaching the
   * application's API through a service call: the same status and words.
   */
  @ExceptionHandler(org.camunda.bpm.engine.rest.exception.RestException.class)
  ResponseEntity<Map<String, Object>> engineRefusal(org.camunda.bpm.engine.rest.exception.RestException e) {
    HttpStatus status = e.getStatus() == null ? HttpStatus.CONFLICT : HttpStatus.valueOf(e.getStatus().getStatusCode());
    return body(status, e.getMessage(), List.of());
  }

  /** Spring Security's firewall refusing a parameter as it is read (a name with characters it does not allow). */
  @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
  ResponseEntity<Map<String, Object>> rejected(RuntimeException e) {
    return body(HttpStatus.BAD_REQUEST, "请求被拒绝：地址或参数中含有不允许的字符", List.of());
  }

  @ExceptionHandler({OptimisticLockingException.class, DuplicateKeyException.class})
  ResponseEntity<Map<String, Object>> concurrent(RuntimeException e) {
    return body(HttpStatus.CONFLICT, "数据已被他人修改，请刷新后重试", List.of());
  }

  @ExceptionHandler({org.camunda.bpm.engine.BadUserRequestException.class,
      org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException.class})
  ResponseEntity<Map<String, Object>> badEngineRequest(RuntimeException e) {
    return body(HttpStatus.BAD_REQUEST, e.getMessage(), List.of());
  }

  @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> tooLarge(Exception e) {
    return body(HttpStatus.PAYLOAD_TOO_LARGE, "文件太大，超过了允许上传的大小；请按月份或乡镇拆分后分别导入",
        List.of(new InvalidInputException.FieldError("file", "文件太大")));
  }

  @ExceptionHandler({org.springframework.web.bind.MissingServletRequestParameterException.class,
      org.springframework.web.multipart.support.MissingServletRequestPartException.class,
      org.springframework.web.multipart.MultipartException.class})
  ResponseEntity<Map<String, Object>> missingPart(Exception e) {
    String name = e instanceof org.springframework.web.bind.MissingServletRequestParameterException p
        ? p.getParameterName()
        : e instanceof org.springframework.web.multipart.support.MissingServletRequestPartException p
            ? p.getRequestPartName() : "file";
    return body(HttpStatus.BAD_REQUEST, "请求缺少必填内容：" + name,
        List.of(new InvalidInputException.FieldError(name, "必填")));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> unexpected(Exception e) {
    LOG.error("unexpected error", e);
    return body(HttpStatus.INTERNAL_SERVER_ERROR, "系统内部错误，请稍后重试或联系管理员", List.of());
  }

  private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String error,
      List<InvalidInputException.FieldError> fields) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    if (!fields.isEmpty()) {
      body.put("fields", fields);
    }
    return ResponseEntity.status(status).body(body);
  }
}
