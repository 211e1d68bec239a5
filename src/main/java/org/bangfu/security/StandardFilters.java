package org.bangfu.security;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Every deployment starts with the approvers' Tasklist filters, demo or not. */
@Component
public class StandardFilters {

  private final AccessProvisioning provisioning;

  public StandardFilters(AccessProvisioning provisioning) {
    this.provisioning = provisioning;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void ensure() {
    provisioning.ensureStandardFilters();
  }
}
