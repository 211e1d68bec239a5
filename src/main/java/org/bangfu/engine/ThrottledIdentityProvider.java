package org.bangfu.engine;

import java.util.UUID;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * The engine's users as Camunda keeps them, with one change to the password check that every sign-in goes through —
 * Tasklist, Cockpit and Admin ({@code /camunda/api/admin/auth/…/login}), HTTP Basic on {@code /engine-rest}, on
 * {@code /api} and on the documentation, and the current password asked when a password is changed:
 * <ul>
 *   <li>failures are throttled per client and account ({@link SignInThrottle}) instead of the engine's count on the
 *       user's row, which locked the user for everyone after ten failures from anyone and wrote the row on every
 *       failure;</li>
 *   <li>an unknown user costs the same work as a wrong password (the same query, a password hashed against a decoy)
 *       and gets the same answer, so a sign-in does not tell whether a user exists.</li>
 * </ul>
 * Every change to users, groups, memberships and tenants also drops the kept sign-ins of HTTP Basic clients
 * ({@link SignInCache}), when it is made and again when it commits.
 */
public class ThrottledIdentityProvider extends DbIdentityServiceProvider {

  private final SignInThrottle throttle;
  private final Plugin plugin;

  ThrottledIdentityProvider(SignInThrottle throttle, Plugin plugin) {
    this.throttle = throttle;
    this.plugin = plugin;
  }

  /** Kept sign-ins are dropped now and once the change is committed (a request in between may have read the old). */
  private IdentityOperationResult changed(IdentityOperationResult result) {
    plugin.signIns.identityChanged();
    CommandContext context = Context.getCommandContext();
    if (context != null) {
      context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
          committed -> plugin.signIns.identityChanged());
    }
    return result;
  }

  @Override
  public IdentityOperationResult saveUser(User user) {
    return changed(super.saveUser(user));
  }

  @Override
  public IdentityOperationResult deleteUser(String userId) {
    return changed(super.deleteUser(userId));
  }

  @Override
  public IdentityOperationResult unlockUser(String userId) {
    return changed(super.unlockUser(userId));
  }

  @Override
  public IdentityOperationResult saveGroup(Group group) {
    return changed(super.saveGroup(group));
  }

  @Override
  public IdentityOperationResult deleteGroup(String groupId) {
    return changed(super.deleteGroup(groupId));
  }

  @Override
  public IdentityOperationResult saveTenant(Tenant tenant) {
    return changed(super.saveTenant(tenant));
  }

  @Override
  public IdentityOperationResult deleteTenant(String tenantId) {
    return changed(super.deleteTenant(tenantId));
  }

  @Override
  public IdentityOperationResult createMembership(String userId, String groupId) {
    return changed(super.createMembership(userId, groupId));
  }

  @Override
  public IdentityOperationResult deleteMembership(String userId, String groupId) {
    return changed(super.deleteMembership(userId, groupId));
  }

  @Override
  public IdentityOperationResult createTenantUserMembership(String tenantId, String userId) {
    return changed(super.createTenantUserMembership(tenantId, userId));
  }

  @Override
  public IdentityOperationResult createTenantGroupMembership(String tenantId, String groupId) {
    return changed(super.createTenantGroupMembership(tenantId, groupId));
  }

  @Override
  public IdentityOperationResult deleteTenantUserMembership(String tenantId, String userId) {
    return changed(super.deleteTenantUserMembership(tenantId, userId));
  }

  @Override
  public IdentityOperationResult deleteTenantGroupMembership(String tenantId, String groupId) {
    return changed(super.deleteTenantGroupMembership(tenantId, groupId));
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    if (userId == null || password == null) {
      return false;
    }
    if (!throttle.waitNow(userId).isZero()) {
      return false; // not checked, not counted: this client waits
    }
    String client = SignInThrottle.currentClient();
    UserEntity user = findUserById(userId);
    boolean right = matchPassword(password, user != null ? user : plugin.decoy()) && user != null;
    if (client != null) {
      if (right) {
        throttle.succeeded(client, userId);
      } else {
        throttle.failed(client, userId);
      }
    }
    return right;
  }

  /** Installs the provider in the application's engine (the process tests keep Camunda's). */
  @Component
  public static class Plugin extends AbstractProcessEnginePlugin {

    private final SignInThrottle throttle;
    private final SignInCache signIns;
    private volatile UserEntity decoy;

    public Plugin(SignInThrottle throttle, SignInCache signIns) {
      this.throttle = throttle;
      this.signIns = signIns;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      configuration.setIdentityProviderSessionFactory(new SessionFactory() {
        @Override
        public Class<?> getSessionType() {
          // assignable to the writable provider: the engine registers it for reading and writing users alike
          return ThrottledIdentityProvider.class;
        }

        @Override
        public Session openSession() {
          return new ThrottledIdentityProvider(throttle, Plugin.this);
        }
      });
    }

    /** A user nobody is, with a password nobody knows, hashed as the engine hashes: made in the first check. */
    UserEntity decoy() {
      if (decoy == null) {
        UserEntity made = new UserEntity("-");
        made.setPassword(UUID.randomUUID().toString());
        made.encryptPassword();
        decoy = made;
      }
      return decoy;
    }
  }
}
