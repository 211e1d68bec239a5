package org.bangfu.security;

import java.util.List;
import org.bangfu.engine.LoginLockout;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Signs API users in against the engine's identity service, the same users and groups that Tasklist, Cockpit and
 * Admin use. The authorities are the user's engine groups.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final EngineUsers users;
  private final LoginLockout lockout;

  public CamundaIdentityAuthenticationProvider(IdentityService identityService, EngineUsers users,
      LoginLockout lockout) {
    this.identityService = identityService;
    this.users = users;
    this.lockout = lockout;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || credentials == null
        || !identityService.checkPassword(userId, credentials.toString())) {
      if (userId != null && lockout.isLocked(userId)) {
        // the engine's lockout (camunda.bpm.generic-properties: login-max-attempts, login-delay-*)
        throw new LockedException("登录失败次数过多，账户已暂时锁定；多次失败后须由管理员在“系统管理”中解锁");
      }
      throw new BadCredentialsException("用户名或密码错误");
    }
    List<SimpleGrantedAuthority> groups = users.of(userId).groups().stream().map(SimpleGrantedAuthority::new).toList();
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
