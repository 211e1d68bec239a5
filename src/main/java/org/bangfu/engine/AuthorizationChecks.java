package org.bangfu.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Two changes to how the engine checks a user's authorizations, both giving the answers of its own checks:
 * <ul>
 * <li><b>All of the user's groups, without a lookup.</b> Before its first check, every command of the stock engine
 * read the distinct group of every authorization row ({@code SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION},
 * a row for each candidate group of every open task) to leave groups without any out of its checks — three such reads
 * a completed task (CompletionBench, the server's general log). A group without authorizations matches no row, so
 * checking with it gives the same answer; the application's users are in a few groups each.</li>
 * <li><b>A check of one resource</b> (may this user claim, complete, read this task…) <b>in the engine's short form
 * unless the user has a REVOKE.</b> The application checks row by row ({@code authorization-check-revokes: always}:
 * queries over many tasks, such as the inbox page's, are index lookups that way; InboxBench). For a single
 * resource the row-by-row statement is the same long form, three to four times the database's time of the short one the
 * engine uses when nobody revokes anything (CompletionBench, the server's statement statistics). So for these checks
 * the engine's own "auto" rule applies: the short form, unless a REVOKE names the user, one of their groups or
 * everyone (one indexed read a command). The two forms differ only in the REVOKEs they read: neither counts a GRANT
 * to user {@code *} for a single resource (AuthorizationChecksTest). Queries stay row by row.</li>
 * </ul>
 */
@Component
public class AuthorizationChecks extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<>());
    }
    // replaces the engine's factory of the same session type (custom factories are added after the engine's own)
    configuration.getCustomSessionFactories().add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new Manager();
      }
    });
  }

  /** The engine's authorization manager (one a command), with the two changes above. */
  static final class Manager extends AuthorizationManager {

    /** A check of one resource is running (not a query's). */
    private boolean singleCheck;
    /** Whether a REVOKE names the user, one of their groups or everyone: read once a command for each user. */
    private final Map<List<Object>, Boolean> rowByRow = new HashMap<>();

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
        return new ArrayList<>();
      }
      return new ArrayList<>(authenticatedGroupIds.stream().filter(Objects::nonNull)
          .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    @Override
    public boolean isAuthorized(String userId, List<String> groupIds, PermissionCheck permissionCheck) {
      return asSingleCheck(() -> super.isAuthorized(userId, groupIds, permissionCheck));
    }

    @Override
    public boolean isAuthorized(String userId, List<String> groupIds, CompositePermissionCheck check) {
      return asSingleCheck(() -> super.isAuthorized(userId, groupIds, check));
    }

    private boolean asSingleCheck(BooleanSupplier check) {
      singleCheck = true;
      try {
        return check.getAsBoolean();
      } finally {
        singleCheck = false;
      }
    }

    @Override
    protected boolean isRevokeAuthCheckEnabled(String userId, List<String> groupIds) {
      if (!singleCheck) {
        return super.isRevokeAuthCheckEnabled(userId, groupIds); // as configured: row by row
      }
      List<String> groups = filterAuthenticatedGroupIds(groupIds);
      return rowByRow.computeIfAbsent(Arrays.asList(userId, groups), key -> {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("userId", userId);
        parameters.put("authGroupIds", groups);
        return getDbEntityManager().selectBoolean("selectRevokeAuthorization", parameters);
      });
    }
  }
}
