package org.bangfu.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The password policy in Chinese. The engine enforces Camunda's default policy on every password a person sets
 * ({@code enable-password-policy}: Admin's new user and password pages, the engine REST API, the Welcome page) and
 * says only "Password does not match policy"; users are told the rules instead.
 */
public final class PasswordRules {

  private PasswordRules() {
  }

  /** "密码不符合要求：至少 10 个字符、…" for the rules of this policy. */
  public static String refusal(PasswordPolicy policy) {
    PasswordPolicy rules = policy == null || policy.getRules() == null ? new DefaultPasswordPolicyImpl() : policy;
    return "密码不符合要求：" + String.join("，", describe(rules));
  }

  /** The rules of Camunda's default policy that this password breaks for this user id (empty: it passes). */
  public static List<String> broken(String password, String userId) {
    User user = new UserEntity(userId);
    List<String> broken = new ArrayList<>();
    for (PasswordPolicyRule rule : new DefaultPasswordPolicyImpl().getRules()) {
      if (!rule.execute(password == null ? "" : password, user)) {
        broken.add(describe(rule));
      }
    }
    return broken;
  }

  /**
   * Saves an account the application itself provides with a documented password (the demo county's users), past the
   * policy: only for the demo profile, whose passwords are printed in the README.
   */
  public static void saveDemoAccount(IdentityService identityService, User user) {
    ((IdentityServiceImpl) identityService).saveUser(user, true);
  }

  /** The rules as a person reads them: the characters first, the user's own data last. */
  private static List<String> describe(PasswordPolicy policy) {
    return policy.getRules().stream()
        .sorted(java.util.Comparator.comparing(r -> "PASSWORD_POLICY_USER_DATA".equals(r.getPlaceholder())))
        .map(PasswordRules::describe).toList();
  }

  private static String describe(PasswordPolicyRule rule) {
    Map<String, String> parameters = rule.getParameters();
    String n = parameters == null || parameters.isEmpty() ? "" : parameters.values().iterator().next();
    return switch (rule.getPlaceholder()) {
      case "PASSWORD_POLICY_LENGTH" -> "至少 " + n + " 个字符";
      case "PASSWORD_POLICY_LOWERCASE" -> "至少 " + n + " 个小写字母";
      case "PASSWORD_POLICY_UPPERCASE" -> "至少 " + n + " 个大写字母";
      case "PASSWORD_POLICY_DIGIT" -> "至少 " + n + " 个数字";
      case "PASSWORD_POLICY_SPECIAL" -> "至少 " + n + " 个特殊字符（如 ! # - _ @）";
      case "PASSWORD_POLICY_USER_DATA" -> "不得包含用户名、姓名或电子邮箱";
      default -> rule.getPlaceholder();
    };
  }
}
