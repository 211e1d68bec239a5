package org.bangfu.mail;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.bangfu.engine.SystemQueries;
import org.bangfu.shared.EngineClock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts mails into the outbox, in the caller's transaction: a mail exists exactly when the step that caused it
 * committed. One row per recipient and dedup key, so the same cause never mails anyone twice.
 */
@Service
@EnableConfigurationProperties(MailProperties.class)
public class MailOutbox {

  private final OutboxMapper outbox;
  private final IdentityService identityService;

  public MailOutbox(OutboxMapper outbox, IdentityService identityService) {
    this.outbox = outbox;
    this.identityService = identityService;
  }

  /** @return how many new mails were queued (0 when each recipient already had this one) */
  @Transactional
  public int enqueue(String dedupKey, String kind, Collection<String> recipients, String subject, String body,
      Long caseId) {
    int queued = 0;
    for (String recipient : recipients) {
      queued += outbox.insertIfAbsent(new OutboxMail(null, dedupKey + "|" + recipient, kind, recipient, subject,
          body, caseId, "PENDING", 0, EngineClock.now(), null, EngineClock.now(), null));
    }
    return queued;
  }

  /**
   * The mail addresses of a user, or of every member of a group (users without an address are skipped). Read as the
   * system: who receives a mail must not depend on which users the person causing it may see.
   */
  public Set<String> addressesOfUser(String userId) {
    return addresses(() -> identityService.createUserQuery().userId(userId).list());
  }

  public Set<String> addressesOfGroup(String groupId) {
    return addresses(() -> identityService.createUserQuery().memberOfGroup(groupId).list());
  }

  private Set<String> addresses(java.util.function.Supplier<java.util.List<User>> users) {
    return SystemQueries.run(identityService, () -> {
      Set<String> addresses = new LinkedHashSet<>();
      for (User user : users.get()) {
        if (user.getEmail() != null && !user.getEmail().isBlank()) {
          addresses.add(user.getEmail());
        }
      }
      return addresses;
    });
  }

  public int pending() {
    return outbox.countByStatus("PENDING");
  }

  public int failed() {
    return outbox.countByStatus("FAILED");
  }
}
