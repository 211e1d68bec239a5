package org.bangfu.household;

/** The household's standing before the case: 脱贫户 or 一般农户. */
public enum HouseholdKind {
  FORMERLY_POOR("脱贫户"),
  ORDINARY("一般农户");

  private final String label;

  HouseholdKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
