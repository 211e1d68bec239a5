package org.bangfu.catalogue;

/** County departments that deliver measures or push data; the code is used in group ids (dept-CODE-county). */
public enum Department {
  AGRI("农业农村局"),
  HRSS("人力资源和社会保障局"),
  MEDINS("医疗保障局"),
  HEALTH("卫生健康局"),
  CIVIL("民政局"),
  DISABLED("残疾人联合会"),
  HOUSING("住房和城乡建设局"),
  WATER("水利局"),
  EMERGENCY("应急管理局"),
  EDU("教育局"),
  FINANCE("金融机构"),
  FORESTRY("林业和草原局"),
  PUBLIC_SECURITY("公安局"),
  FEDERATION("工商联");

  private final String label;

  Department(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
