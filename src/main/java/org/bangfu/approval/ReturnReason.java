package org.bangfu.approval;

import java.util.Arrays;
import org.bangfu.shared.InvalidInputException;

/** Why a step is returned (退回原因), as approvers choose it; the comment says what exactly. */
public enum ReturnReason {
  MATERIALS_INCOMPLETE("材料不全"),
  INFORMATION_WRONG("信息填写有误"),
  VERIFICATION_INSUFFICIENT("入户核实不充分"),
  POLICY_MISMATCH("不符合政策条件，需重新认定"),
  PLAN_INADEQUATE("帮扶措施不当"),
  OTHER("其他");

  private final String label;

  ReturnReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The codes and labels to choose from. */
  public static java.util.List<java.util.Map<String, String>> choices() {
    return Arrays.stream(values()).map(r -> java.util.Map.of("code", r.name(), "label", r.label)).toList();
  }

  public static ReturnReason of(String code) {
    return Arrays.stream(values()).filter(r -> r.name().equals(code)).findFirst()
        .orElseThrow(() -> InvalidInputException.of("reasonCode", "请选择退回原因："
            + String.join("、", Arrays.stream(values()).map(r -> r.name() + "（" + r.label + "）").toList())));
  }
}
