package org.bangfu.message;

/**
 * One cause of a notice (a reminder of one task, a 抄送 …): its key makes it once per recipient, however often the
 * cause is met (a repeated watcher round, a second node). The title is the line a list shows; the body what a mail
 * or a robot's post says. A case id or task id lets the message centre link to the case or the task.
 */
public record Message(String key, MessageKind kind, String title, String body, Long caseId, String taskId) {

  public Message {
    if (key == null || key.isBlank() || kind == null || title == null || body == null) {
      throw new IllegalArgumentException("a message needs a key, a kind, a title and a body");
    }
    title = title.length() > 200 ? title.substring(0, 199) + "…" : title;
  }
}
