package org.bangfu.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.bangfu.approval.ApprovalMapper.TaskReturnRecord;
import org.bangfu.engine.TaskCreateListener;
import org.bangfu.shared.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * On every new user task (added to all models by the engine plugin): if this step returned the case earlier and has
 * not seen it since, the task gets {@code changesSinceReturn} — each fact changed since the return, in the forms'
 * words ("人均纯收入：7200 → 8400") — and the return is marked as resubmitted.
 */
@Component
public class ResubmissionListener implements TaskCreateListener {

  private final ApprovalMapper mapper;
  private final FormLabels labels;

  public ResubmissionListener(ApprovalMapper mapper, FormLabels labels) {
    this.mapper = mapper;
    this.labels = labels;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskReturnRecord open = mapper.openReturn(task.getProcessInstanceId(), task.getTaskDefinitionKey());
    if (open == null) {
      return;
    }
    List<String> changes = changes(TaskReturn.parse(open.snapshot()),
        TaskReturn.comparable(task.getExecution().getVariables()));
    String text = "本环节于 " + open.returnedAt().toLocalDate() + " 退回至“" + open.toName() + "”（"
        + ReturnReason.valueOf(open.reasonCode()).label() + "：" + open.comment() + "），重新提交后的变化：\n"
        + (changes.isEmpty() ? "没有修改任何内容" : String.join("\n", changes));
    task.setVariableLocal(TaskReturn.CHANGES_SINCE_RETURN, text);
    mapper.markResubmitted(open.id(), task.getId(), EngineClock.now());
  }

  List<String> changes(Map<String, String> before, Map<String, String> now) {
    List<String> lines = new ArrayList<>();
    for (String name : new TreeSet<>(concat(before, now))) {
      String was = before.get(name);
      String is = now.get(name);
      if (!Objects.equals(was, is)) {
        lines.add(labels.label(name) + "：" + labels.value(name, was) + " → " + labels.value(name, is));
      }
    }
    return lines;
  }

  private static List<String> concat(Map<String, String> a, Map<String, String> b) {
    List<String> all = new ArrayList<>(a.keySet());
    all.addAll(b.keySet());
    return all;
  }
}
