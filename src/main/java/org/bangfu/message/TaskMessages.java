package org.bangfu.message;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bangfu.casefile.CaseFile;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.engine.TaskCreateListener;
import org.bangfu.household.HouseholdService;
import org.bangfu.region.RegionService;
import org.bangfu.shared.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * 新待办 and 退回 in the message centre: every user task a transaction created and left open is announced to its
 * holders when the transaction commits — the assignee, or every member of its candidate groups — as a 退回 when the
 * step was returned to (its {@code returnNote}), else as a new task. Announced at commit, not at creation, because
 * the task's holders and its return note are settled only by then (a delegation's assignee, a return's note), and a
 * task created and completed in one transaction is nobody's to do.
 */
@Component
public class TaskMessages implements TaskCreateListener {

  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** A task as it was created: what the announcement needs that the task itself does not carry. */
  record Created(String taskId, Long caseId) {
  }

  private final Messages messages;
  private final RecipientMapper recipients;
  private final CaseFileService caseFiles;
  private final HouseholdService households;
  private final RegionService regions;
  private final MailProperties mail;

  public TaskMessages(Messages messages, RecipientMapper recipients, CaseFileService caseFiles,
      HouseholdService households, RegionService regions, MailProperties mail) {
    this.messages = messages;
    this.recipients = recipients;
    this.caseFiles = caseFiles;
    this.households = households;
    this.regions = regions;
    this.mail = mail;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException("new tasks are announced when their transaction commits: none is active");
    }
    @SuppressWarnings("unchecked")
    Map<String, Created> created = (Map<String, Created>) TransactionSynchronizationManager.getResource(this);
    if (created == null) {
      Map<String, Created> forThisTransaction = new LinkedHashMap<>();
      TransactionSynchronizationManager.bindResource(this, forThisTransaction);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          announce(new ArrayList<>(forThisTransaction.values()));
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(TaskMessages.this);
        }
      });
      created = forThisTransaction;
    }
    Object caseId = task.getVariable(CaseVariables.CASE_ID.name());
    created.put(task.getId(), new Created(task.getId(), caseId instanceof Number n ? n.longValue() : null));
  }

  void announce(List<Created> created) {
    if (created.isEmpty()) {
      return;
    }
    List<String> ids = created.stream().map(Created::taskId).toList();
    Map<String, RecipientMapper.TaskRow> open = new LinkedHashMap<>();
    recipients.openTasks(ids, CaseVariables.RETURN_NOTE.name()).forEach(t -> open.put(t.id(), t));
    if (open.isEmpty()) {
      return; // completed or cancelled in the same transaction
    }
    Map<String, List<String>> groupsOf = new LinkedHashMap<>();
    recipients.candidateGroups(open.keySet()).forEach(l -> groupsOf.computeIfAbsent(l.k(), t -> new ArrayList<>())
        .add(l.v()));
    Map<String, Set<String>> members = messages.membersOf(groupsOf.values().stream().flatMap(List::stream)
        .distinct().toList());
    for (Created c : created) {
      RecipientMapper.TaskRow task = open.get(c.taskId());
      if (task == null) {
        continue;
      }
      Set<String> holders = new LinkedHashSet<>();
      if (task.assignee() != null) {
        holders.add(task.assignee());
      } else {
        groupsOf.getOrDefault(task.id(), List.of()).forEach(g -> holders.addAll(members.getOrDefault(g, Set.of())));
      }
      messages.send(message(task, c.caseId()), holders);
    }
  }

  private Message message(RecipientMapper.TaskRow task, Long caseId) {
    String returnNote = task.returnNote();
    CaseFile caseFile = caseId == null ? null : caseFiles.findIfPresent(caseId);
    String whose = caseFile == null ? "" : households.find(caseFile.getHouseholdId()).getHeadName() + " · "
        + regions.place(caseFile.getVillageCode());
    String title = (returnNote != null ? "退回：" : "新待办：") + task.name() + (whose.isEmpty() ? "" : " · " + whose);
    StringBuilder body = new StringBuilder();
    if (caseFile != null) {
      body.append("案件 ").append(caseFile.getBusinessKey()).append("（").append(whose).append("）的环节“")
          .append(task.name()).append("”");
    } else {
      body.append("环节“").append(task.name()).append("”");
    }
    body.append(returnNote != null ? "已退回，待您重新办理" : "待您办理");
    if (task.due() != null) {
      body.append("，期限 ").append(DUE.format(task.due().toInstant().atZone(ZoneId.systemDefault())));
    }
    body.append("。");
    if (returnNote != null) {
      body.append("\n退回原因：").append(returnNote);
    }
    body.append("\n\n任务：").append(mail.baseUrl()).append("/camunda/app/tasklist/default/#/?task=")
        .append(task.id());
    return new Message("task:" + task.id(), returnNote != null ? MessageKind.RETURN : MessageKind.NEW_TASK, title,
        body.toString(), caseId, task.id());
  }
}
