package org.bangfu.registry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.screening.ImportProperties;
import org.bangfu.screening.PushFileReader;
import org.bangfu.shared.InvalidInputException;

/**
 * The layout of a registry file as the national monitoring system exports it: one row per person, in any column
 * order, extra columns ignored. 户编号 groups the rows of a household; 行政区划代码 is its village (12 digits).
 * Values are the export's own words (与户主关系 "之子", 劳动技能 "普通劳动力" …), mapped here.
 */
final class RegistryFile {

  static final String NUMBER = "户编号";
  static final String VILLAGE = "行政区划代码";
  static final String NAME = "姓名";
  static final String ID_NUMBER = "证件号码";
  static final String RELATION = "与户主关系";
  static final String LABOUR = "劳动技能";
  static final String KIND = "户类型";
  static final String RELOCATED = "易地搬迁";
  static final List<String> REQUIRED = List.of(NUMBER, VILLAGE, NAME, ID_NUMBER, RELATION, LABOUR);
  /** Columns of the export that are read and not kept (yet): named so that they are not mistaken for unknown ones. */
  static final List<String> NOT_KEPT = List.of("务工状况", "年人均纯收入", "脱贫/监测属性");

  /** One person's row. */
  record Row(int rowNo, String number, String village, String name, String idNumber, String relation, String labour,
      String kind, String relocated) {
  }

  private RegistryFile() {
  }

  /** The rows of the file grouped by 户编号, in the order households first appear. */
  static Map<String, List<Row>> read(Path file, PushFileReader.Format format, ImportProperties.Limits limits)
      throws IOException {
    Map<String, List<Row>> households = new LinkedHashMap<>();
    try (PushFileReader reader = PushFileReader.open(file, format, limits)) {
      List<String> header = reader.header();
      List<String> missing = REQUIRED.stream().filter(c -> !header.contains(c)).toList();
      if (!missing.isEmpty()) {
        throw InvalidInputException.of("file", "文件缺少以下列：" + String.join("、", missing)
            + "（第一行应为列名，见导入模板）");
      }
      int rows = 0;
      for (PushFileReader.RawRow raw = reader.next(); raw != null; raw = reader.next()) {
        if (raw.blank()) {
          continue;
        }
        if (++rows > limits.maxRows()) {
          throw limits.tooManyRows();
        }
        Row row = new Row(raw.rowNo(), raw.cell(header, NUMBER), raw.cell(header, VILLAGE), raw.cell(header, NAME),
            raw.cell(header, ID_NUMBER).toUpperCase(java.util.Locale.ROOT), raw.cell(header, RELATION),
            raw.cell(header, LABOUR), raw.cell(header, KIND), raw.cell(header, RELOCATED));
        households.computeIfAbsent(row.number(), n -> new ArrayList<>()).add(row);
      }
      if (rows == 0) {
        throw InvalidInputException.of("file", "文件中没有数据行");
      }
    }
    return households;
  }


  /** 与户主关系 in the export's words → ours; null when unknown. */
  static String relation(String value) {
    return switch (value) {
      case "户主", "本人" -> "HEAD";
      case "配偶", "妻", "夫", "之妻", "之夫" -> "SPOUSE";
      case "子女", "之子", "之女", "子", "女", "长子", "次子", "长女", "次女", "养子或继子", "养女或继女" -> "CHILD";
      case "父母", "之父", "之母", "父亲", "母亲", "公公", "婆婆", "岳父", "岳母" -> "PARENT";
      case "孙子女", "之孙子", "之孙女", "孙子", "孙女", "外孙子", "外孙女" -> "GRANDCHILD";
      case "兄弟姐妹", "兄弟", "姐妹", "兄", "弟", "姐", "妹" -> "SIBLING";
      case "其他", "儿媳", "女婿", "之儿媳", "之女婿", "祖父母", "其他亲属" -> "OTHER";
      default -> null;
    };
  }

  /** 劳动技能 in the export's words → our labour capacity; null when unknown. */
  static String labour(String value) {
    return switch (value) {
      case "技能劳动力", "普通劳动力", "有劳动能力" -> "FULL";
      case "弱劳动力或半劳动力", "弱劳动力", "弱劳动能力" -> "WEAK";
      case "半劳动力", "半劳动能力" -> "HALF";
      case "丧失劳动力", "无劳动力", "无劳动能力" -> "NONE";
      default -> null;
    };
  }

  /** 户类型: 脱贫户 is ours FORMERLY_POOR; every other household is an ordinary one (monitoring is a case here). */
  static String kind(String value) {
    return value.contains("脱贫") ? "FORMERLY_POOR" : "ORDINARY";
  }
}
