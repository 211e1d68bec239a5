package org.bangfu.engine;

import java.util.HashSet;
import java.util.Set;

/**
 * A request to the engine's own REST API (Cockpit, Tasklist, the engine REST API) being served on this thread: who
 * made it and what it was. Set by the request gate for the request's duration; the engine's operation log of such
 * a request is written to the case's audit ({@link EngineOperationAudit}) — the application's own API writes its
 * audit rows itself.
 */
public record EngineRequest(String userId, String method, String path, Set<String> audited) {

  private static final ThreadLocal<EngineRequest> CURRENT = new ThreadLocal<>();

  public static EngineRequest current() {
    return CURRENT.get();
  }

  /** Runs the request with this marker on the thread. */
  public static void during(String userId, String method, String path, Body body) throws Exception {
    CURRENT.set(new EngineRequest(userId, method, path, new HashSet<>()));
    try {
      body.run();
    } finally {
      CURRENT.remove();
    }
  }

  /** What runs inside. */
  @FunctionalInterface
  public interface Body {
    void run() throws Exception;
  }
}
