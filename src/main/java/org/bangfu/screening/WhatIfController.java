package org.bangfu.screening;

import org.bangfu.security.CurrentUser;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What-if over the registry for process owners; computes only, starts and writes nothing. */
@RestController
@RequestMapping("/api/what-if")
public class WhatIfController {

  private final WhatIfService whatIf;
  private final CurrentUser currentUser;

  public WhatIfController(WhatIfService whatIf, CurrentUser currentUser) {
    this.whatIf = whatIf;
    this.currentUser = currentUser;
  }

  /**
   * The monitoring range now and with a changed threshold ({@code thresholds}) or a new DMN ({@code dmnXml}), per
   * township: households entering and leaving.
   */
  @PostMapping("/monitoring-range")
  public WhatIfService.Result monitoringRange(@RequestBody WhatIfService.Request request) {
    return whatIf.monitoringRange(request, currentUser.get());
  }
}
