package org.bangfu.engine;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * The history the engine keeps ({@code camunda.bpm.history-level: case}): Camunda's FULL without what nobody reads.
 * Kept, because someone reads it: process, activity and task instances (the case page's times and diagram, 撤回,
 * 已办), variable instances (Cockpit), the user operation log ({@link EngineOperationAudit} turns it into the case's
 * audit), decision instances (Cockpit's decisions), incidents, job and batch logs (Cockpit, operators). Left out,
 * because nothing in Bangfu, Tasklist or Cockpit Community reads it: a row per variable write
 * ({@code ACT_HI_DETAIL}: the variables' values stay in {@code ACT_HI_VARINST}, and each decision's fields are in
 * the case's own audit), form property updates (no legacy forms here), and the history of candidate groups and
 * assignees ({@code ACT_HI_IDENTITYLINK}; the audit says who decided). That is about half the history rows of a
 * completion (docs/benchmarks.md).
 */
public final class CaseHistoryLevel extends AbstractHistoryLevel {

  public static final CaseHistoryLevel INSTANCE = new CaseHistoryLevel();
  public static final String NAME = "case";
  /** Beyond Camunda's own levels (0 to 3); kept in the database's {@code historyLevel} property. */
  public static final int ID = 33;

  static final Set<HistoryEventType> LEFT_OUT = Set.of(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL,
      HistoryEventTypes.FORM_PROPERTY_UPDATE, HistoryEventTypes.IDENTITY_LINK_ADD,
      HistoryEventTypes.IDENTITY_LINK_DELETE);

  private CaseHistoryLevel() {
  }

  @Override
  public int getId() {
    return ID;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    return !LEFT_OUT.contains(eventType) && HistoryLevel.HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
  }
}
