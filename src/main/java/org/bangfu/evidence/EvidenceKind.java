package org.bangfu.evidence;

/**
 * What a piece of evidence shows, by the step that needs it: the household's signed application and its
 * authorisation to check its assets at 入户核实, the photo of the public notice (公示), a measure's delivery, a visit.
 */
public enum EvidenceKind {
  APPLICATION("签字的申请书", "入户核实"),
  AUTHORISATION("签字的授权承诺书", "入户核实"),
  NOTICE_PHOTO("公示照片", "村级公示"),
  DELIVERY("措施落实凭证", "措施落实"),
  VISIT_PHOTO("回访照片", "入户回访"),
  OTHER("其他材料", null);

  private final String label;
  private final String step;

  EvidenceKind(String label, String step) {
    this.label = label;
    this.step = step;
  }

  public String label() {
    return label;
  }

  /** The step that needs it (null: any). */
  public String step() {
    return step;
  }
}
