package org.bangfu.screening;

import org.bangfu.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The 筛查名单 of a periodic screening task, for Tasklist's tab of that name (region-checked, read only). */
@RestController
public class ScreeningListController {

  private final ScreeningLists lists;
  private final CurrentUser currentUser;

  public ScreeningListController(ScreeningLists lists, CurrentUser currentUser) {
    this.lists = lists;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/tasks/{taskId}/screening-list")
  public ScreeningLists.TaskList list(@PathVariable String taskId) {
    return lists.forTask(taskId, currentUser.get());
  }
}
