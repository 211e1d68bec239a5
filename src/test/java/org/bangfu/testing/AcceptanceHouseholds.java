package org.bangfu.testing;

import static org.bangfu.demo.DemoData.DONGSHAN;
import static org.bangfu.demo.DemoData.LIUSHU;

import java.util.Map;

/**
 * The households of the acceptance scenarios 1–6 (docs/domain.md §8, line 8,600 元), as the registry holds them
 * before the signal: AcceptanceScenariosIT takes each to its identification outcome, LifecycleIT to its exit. Each
 * call makes a new household body (new ID numbers).
 */
public final class AcceptanceHouseholds {

  private AcceptanceHouseholds() {
  }

  /** 脱贫户 of four, 7,200 元 per person: illness and unstable work. */
  public static Map<String, Object> scenario1() {
    return ApiClient.household(DONGSHAN, "FORMERLY_POOR", 7200, 0, "FULL", "FULL", "NONE", "NONE");
  }

  /** An ordinary household of three, 8,000 元 per person, whose worker lost the job. */
  public static Map<String, Object> scenario2() {
    return ApiClient.household(DONGSHAN, "ORDINARY", 8000, 0, "FULL", "HALF", "NONE");
  }

  /** An ordinary household of four, 15,000 元 per person, with 45,000 元 of medical spending a year. */
  public static Map<String, Object> scenario3() {
    return ApiClient.household(DONGSHAN, "ORDINARY", 15000, 45000, "FULL", "FULL", "NONE", "NONE");
  }

  /** 脱贫户 of five, 9,500 元 per person, whose only house a flood destroyed. */
  public static Map<String, Object> scenario4() {
    return ApiClient.household(DONGSHAN, "FORMERLY_POOR", 9500, 0, "FULL", "FULL", "WEAK", "NONE", "NONE");
  }

  /** An elderly couple without labour in 柳树村, 5,500 元 per person. */
  public static Map<String, Object> scenario5() {
    return ApiClient.household(LIUSHU, "ORDINARY", 5500, 0, "NONE", "NONE");
  }

  /** An ordinary household of three, 12,000 元 per person, no other risk. */
  public static Map<String, Object> scenario6() {
    return ApiClient.household(DONGSHAN, "ORDINARY", 12000, 0, "FULL", "FULL", "NONE");
  }
}
