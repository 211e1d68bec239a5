package org.bangfu.shared;

/**
 * What a background run that failed tells its user: the words of a refusal meant for users (they are in Chinese
 * already), and for anything else a sentence that says it is the system's fault — never the exception's own text,
 * which can carry SQL, table names and server paths. The detail is in the log.
 */
public final class SystemErrors {

  private SystemErrors() {
  }

  public static String forUser(Throwable e) {
    if (e instanceof InvalidInputException invalid && !invalid.errors().isEmpty()) {
      return invalid.errors().get(0).message();
    }
    if (e instanceof ConflictException || e instanceof MissingSettingException || e instanceof ForbiddenException
        || e instanceof NotFoundException) {
      return e.getMessage();
    }
    return "系统错误（详情已记入日志，请联系系统管理员）";
  }
}
