package org.bangfu.supportindustry;

import java.util.LinkedHashMap;
import java.util.Map;

/** The codes a support project is described with, and their words (the forms', the page's, the ledger's). */
public final class ProjectCodes {

  public static final Map<String, String> INDUSTRY = ordered("PLANTING", "种植业", "BREEDING", "养殖业",
      "PROCESSING", "农产品加工", "TOURISM", "乡村旅游", "PHOTOVOLTAIC", "光伏帮扶", "WORKSHOP", "就业帮扶车间", "OTHER",
      "其他");
  public static final Map<String, String> FUND_SOURCE = ordered("BRIDGING", "衔接推进乡村振兴补助资金（专项扶贫资金）",
      "INTEGRATED", "统筹整合涉农资金", "EAST_WEST", "东西部协作资金", "PAIRED", "定点帮扶资金", "OTHER", "其他");
  public static final Map<String, String> ASSET_OWNER = ordered("COLLECTIVE", "村集体", "HOUSEHOLDS", "农户",
      "STATE", "国有", "OTHER", "其他");
  public static final Map<String, String> STATUS = ordered("OPERATING", "正常运营", "IDLE", "停产闲置", "BUILDING",
      "在建", "RETIRED", "已销号退出");
  public static final Map<String, String> LINK = ordered("EMPLOYMENT", "务工就业", "DIVIDEND", "收益分红", "ORDER",
      "订单生产", "ENTRUSTED", "托养托管", "COOPERATIVE", "合作经营", "OTHER", "其他");
  /** 四个一批 (seed 003 二). */
  public static final Map<String, String> CATEGORY = ordered("CONSOLIDATE", "巩固一批", "UPGRADE", "升级一批",
      "REVITALISE", "盘活一批", "ADJUST", "调整一批");

  private ProjectCodes() {
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  /** The words of a code; an unknown code as it is. */
  public static String label(Map<String, String> codes, String code) {
    return code == null ? "" : codes.getOrDefault(code, code);
  }
}
