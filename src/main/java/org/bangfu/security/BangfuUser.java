package org.bangfu.security;

import java.util.List;
import org.bangfu.region.CandidateGroups;

/** The signed-in user with the engine groups they belong to. */
public record BangfuUser(String id, List<String> groups) {

  public BangfuUser {
    groups = List.copyOf(groups);
  }

  public boolean isAdmin() {
    return groups.contains(CandidateGroups.ADMIN);
  }

  public boolean inGroup(String group) {
    return groups.contains(group);
  }
}
