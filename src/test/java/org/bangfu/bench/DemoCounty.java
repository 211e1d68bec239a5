package org.bangfu.bench;

import java.util.List;
import org.bangfu.demo.DemoData;

/** The demo county's people as the benchmarks' clients act as them: each village's cadre and township reviewer. */
final class DemoCounty {

  static final String COUNTY_APPROVER = "approver_county";
  /** Village, its cadre, its township's reviewer. */
  static final String[][] VILLAGES = {
      {DemoData.DONGSHAN, "cadre_dongshan", "reviewer_heping"}, {DemoData.XIHE, "cadre_xihe", "reviewer_heping"},
      {DemoData.NANPING, "cadre_nanping", "reviewer_heping"}, {DemoData.LIUSHU, "cadre_liushu", "reviewer_fumin"},
      {DemoData.XINGHUA, "cadre_xinghua", "reviewer_fumin"}, {DemoData.SHIQIAO, "cadre_shiqiao", "reviewer_fumin"}};
  /** The departments an illness case's measures go to (the recommendation's medical and health measures). */
  static final List<String> HANDLERS = List.of("handler_medins", "handler_health", "handler_civil");

  private DemoCounty() {
  }
}
