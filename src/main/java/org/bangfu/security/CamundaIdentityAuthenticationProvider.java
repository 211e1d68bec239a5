package org.bangfu.security;

import java.time.Duration;
import java.util.List;
import org.bangfu.engine.SignInCache;
import org.bangfu.engine.SignInThrottle;
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
 * Admin use. The authorities are the user's engine groups. A wrong password and an unknown user get the same answer;
 * a client that has just failed for an account is told how long it waits ({@link SignInThrottle}) — that depends on
 * its own failures only, so it tells nothing about the account either. A client's successful sign-in is kept for a
 * short while ({@link SignInCache}): its next requests cost no password check and no group query.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final SignInThrottle throttle;
  private final SignInCache signIns;

  public CamundaIdentityAuthenticationProvider(IdentityService identityService, SignInThrottle throttle,
      SignInCache signIns) {
    this.identityService = identityService;
    this.throttle = throttle;
    this.signIns = signIns;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    Duration wait = throttle.waitNow(userId);
    if (!wait.isZero()) {
      throw new LockedException("登录失败次数过多，请 " + Math.max(1, (wait.toMillis() + 999) / 1000) + " 秒后再试");
    }
    if (userId == null || credentials == null) {
      throw new BadCredentialsException("用户名或密码错误");
    }
    SignInCache.Known known = signIns.signIn(identityService, userId, credentials.toString());
    if (known == null) {
      throw new BadCredentialsException("用户名或密码错误");
    }
    List<SimpleGrantedAuthority> groups = known.groups().stream().map(SimpleGrantedAuthority::new).toList();
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
