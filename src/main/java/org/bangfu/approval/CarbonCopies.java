package org.bangfu.approval;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bangfu.approval.ApprovalMapper.CarbonCopy;
import org.bangfu.message.Message;
import org.bangfu.message.MessageKind;
import org.bangfu.message.Messages;
import org.bangfu.message.MailProperties;
import org.bangfu.security.BangfuUser;
import org.bangfu.security.EngineUsers;
import org.bangfu.security.RegionAccess;
import org.bangfu.shared.EngineClock;
import org.bangfu.shared.InvalidInputException;
import org.bangfu.shared.NotFoundException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 抄送: the holder of a step sends colleagues who may see the case a read-only copy — listed under "抄送我的" with a
 * link to the case file, and a mail. Nothing to do for them; reading is recorded. Audited on the case.
 */
@Service
public class CarbonCopies {

  private final ApprovalTasks tasks;
  private final ApprovalMapper mapper;
  private final IdentityService identityService;
  private final EngineUsers users;
  private final RegionAccess access;
  private final Messages messages;
  private final MailProperties mail;

  public CarbonCopies(ApprovalTasks tasks, ApprovalMapper mapper, IdentityService identityService, EngineUsers users,
      RegionAccess access, Messages messages, MailProperties mail) {
    this.tasks = tasks;
    this.mapper = mapper;
    this.identityService = identityService;
    this.users = users;
    this.access = access;
    this.messages = messages;
    this.mail = mail;
  }

  @Transactional
  public int send(String taskId, List<String> recipients, String note, BangfuUser user) {
    Task task = tasks.visibleTask(taskId, user);
    tasks.requireHolder(task, user, "抄送");
    Long caseId = tasks.caseId(task.getProcessInstanceId());
    if (caseId == null) {
      throw InvalidInputException.of("taskId", "该任务不属于帮扶案件，不能抄送");
    }
    Set<String> to = new LinkedHashSet<>(recipients == null ? List.of() : recipients);
    to.remove(user.id());
    if (to.isEmpty() || to.size() > 20) {
      throw InvalidInputException.of("recipients", "请选择1至20位抄送人员");
    }
    if (note != null && note.length() > 500) {
      throw InvalidInputException.of("note", "抄送说明不超过500字");
    }
    String village = tasks.village(task);
    for (String recipient : to) {
      if (identityService.createUserQuery().userId(recipient).count() == 0) {
        throw InvalidInputException.of("recipients", "用户 " + recipient + " 不存在");
      }
      if (!access.canSee(users.of(recipient), village)) {
        throw InvalidInputException.of("recipients", tasks.name(recipient) + " 不能查看本案件所在辖区，不能抄送给他");
      }
    }
    String caseNumber = tasks.businessKey(task.getProcessInstanceId());
    int sent = 0;
    for (String recipient : to) {
      sent += mapper.insertCopy(new CarbonCopy(null, caseId, task.getId(), task.getName(), recipient,
          note == null ? null : note.trim(), user.id(), EngineClock.now(), null));
      messages.send(new Message("cc:" + task.getId() + ":" + recipient, MessageKind.CC,
          "抄送：" + task.getName() + "（案件 " + caseNumber + "）",
          "您好：\n\n" + tasks.name(user.id()) + " 将案件 " + caseNumber + " 的环节“" + task.getName() + "”抄送给您阅知"
              + (note == null || note.isBlank() ? "。" : "：\n" + note.trim()) + "\n\n案件：" + mail.baseUrl()
              + "/case.html?id=" + caseId, caseId, null), List.of(recipient));
    }
    tasks.audit(task.getProcessInstanceId(), task.getTaskDefinitionKey(), task.getName(), "CC",
        "抄送给 " + String.join("、", to.stream().map(tasks::name).toList()) + (note == null || note.isBlank() ? "" : "：" + note.trim()), user.id(),
        task.getId());
    return sent;
  }

  /** The copies sent to the user, newest first. */
  public List<CarbonCopy> mine(BangfuUser user) {
    return mapper.copiesTo(user.id(), 200);
  }

  /** Marks a copy as read and gives it back (its case id leads to the case file). */
  @Transactional
  public CarbonCopy read(Long id, BangfuUser user) {
    CarbonCopy copy = id == null ? null : mapper.findCopy(id);
    if (copy == null || !copy.recipient().equals(user.id())) {
      throw new NotFoundException("抄送不存在");
    }
    mapper.markCopyRead(id, EngineClock.now());
    return mapper.findCopy(id);
  }
}
