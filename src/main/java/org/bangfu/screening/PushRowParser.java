package org.bangfu.screening;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bangfu.household.IdNumber;
import org.bangfu.screening.PushFileReader.RawRow;

/**
 * Checks a file's header against the department's layout and turns each raw row into a {@link PushRow}, or into the
 * reasons it is wrong (column and reason in words a cadre understands).
 */
public final class PushRowParser {

  /** Above this an amount is a typing error, not a medical bill or a disaster loss (1亿元). */
  static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");
  static final int MAX_TEXT = 200;

  private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
      DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT),
      DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT),
      DateTimeFormatter.ofPattern("uuuu.M.d").withResolverStyle(ResolverStyle.STRICT),
      DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT),
      DateTimeFormatter.ofPattern("uuuu年M月d日").withResolverStyle(ResolverStyle.STRICT));
  private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

  /** A problem with a row: the column's title (or null for the whole row) and the reason. */
  public record RowError(int rowNo, String columnName, String reason) {
  }

  /** Either a row or its errors. */
  public record Parsed(PushRow row, List<RowError> errors) {
  }

  private final PushLayout layout;
  private final Map<PushColumn, Integer> index = new HashMap<>();

  private PushRowParser(PushLayout layout, Map<PushColumn, Integer> index) {
    this.layout = layout;
    this.index.putAll(index);
  }

  /**
   * The parser for a file with this header; the missing required columns are listed in the exception's message.
   */
  public static PushRowParser forHeader(PushLayout layout, List<String> header) {
    Map<PushColumn, Integer> index = new HashMap<>();
    List<String> missing = new ArrayList<>();
    for (PushColumn column : layout.columns()) {
      int at = header.indexOf(column.header());
      if (at < 0) {
        // tolerate half-width parentheses and spaces in titles typed by hand
        at = indexOfLoose(header, column.header());
      }
      if (at >= 0) {
        index.put(column, at);
      } else if (column.required()) {
        missing.add(column.header());
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("文件第1行缺少" + layout.department().label() + "推送必需的列："
          + String.join("、", missing) + "（请使用该部门的导入模板）");
    }
    return new PushRowParser(layout, index);
  }

  private static int indexOfLoose(List<String> header, String title) {
    String wanted = loose(title);
    for (int i = 0; i < header.size(); i++) {
      if (loose(header.get(i)).equals(wanted)) {
        return i;
      }
    }
    return -1;
  }

  private static String loose(String title) {
    return title.replace('(', '（').replace(')', '）').replace(" ", "").toLowerCase(Locale.ROOT);
  }

  /** Checks one row; dates must lie between two years before {@code today} and today. */
  public Parsed parse(RawRow raw, LocalDate today) {
    List<RowError> errors = new ArrayList<>();
    String recordNo = null;
    String idNumber = null;
    String name = null;
    LocalDate date = null;
    String category = layout.fixedCategory();
    BigDecimal amount = null;
    Integer number = null;
    Boolean flag = null;
    String text = null;
    for (PushColumn column : layout.columns()) {
      Integer at = index.get(column);
      String value = at == null || at >= raw.cells().size() ? "" : raw.cells().get(at);
      if (value.isEmpty()) {
        if (column.required()) {
          errors.add(new RowError(raw.rowNo(), column.header(), "不能为空"));
        }
        continue;
      }
      try {
        switch (column.role()) {
          case RECORD_NO -> recordNo = recordNo(value);
          case ID_NUMBER -> idNumber = idNumber(value);
          case NAME -> name = name(value);
          case DATE -> date = date(value, today);
          case MONTH -> date = month(value, today).atDay(1);
          case CATEGORY -> category = category(column, value);
          case AMOUNT -> amount = amount(value);
          case NUMBER -> number = number(value, column.max());
          case FLAG -> flag = flag(value);
          case TEXT -> text = text(value);
          default -> throw new IllegalStateException(column.role().name());
        }
      } catch (IllegalArgumentException e) {
        errors.add(new RowError(raw.rowNo(), column.header(), e.getMessage()));
      }
    }
    if (!errors.isEmpty()) {
      return new Parsed(null, errors);
    }
    return new Parsed(new PushRow(raw.rowNo(), recordNo, idNumber, name, date, category, amount, number, flag, text),
        List.of());
  }

  private static String recordNo(String value) {
    if (value.length() > 40 || !value.matches("[\\p{Alnum}_\\-./#]+")) {
      throw new IllegalArgumentException("推送编号应为不超过40位的字母、数字或 - _ . / #");
    }
    return value;
  }

  private static String idNumber(String value) {
    String id = value.toUpperCase(Locale.ROOT);
    if (id.matches("\\d(\\.\\d+)?E\\+?\\d+")) {
      throw new IllegalArgumentException("身份证号被Excel当作数字保存，后几位已丢失；请把该列设为文本格式后重新导出");
    }
    IdNumber.problem(id).ifPresent(reason -> {
      throw new IllegalArgumentException(reason);
    });
    return id;
  }

  private static String name(String value) {
    if (value.length() > 64) {
      throw new IllegalArgumentException("姓名不能超过64个字");
    }
    return value;
  }

  static LocalDate date(String value, LocalDate today) {
    LocalDate date = parseDate(value);
    if (date == null) {
      throw new IllegalArgumentException("日期格式不正确（应为 2026-03-15 这样的格式）：" + abbreviate(value));
    }
    if (date.isAfter(today)) {
      throw new IllegalArgumentException("日期不能晚于今天：" + date);
    }
    if (date.isBefore(today.minusYears(2))) {
      throw new IllegalArgumentException("日期早于两年前，不再作为预警数据：" + date);
    }
    return date;
  }

  /** A date in one of the accepted formats, or an Excel date cell; null when it is none. */
  private static LocalDate parseDate(String value) {
    LocalDate date = null;
    if (value.matches("\\d{5}(\\.0+)?")) {
      // an Excel date cell holds the days since 1899-12-30
      date = EXCEL_EPOCH.plusDays(Long.parseLong(value.replaceAll("\\.0+$", "")));
    } else {
      String plain = value.length() > 10 && value.charAt(10) == ' ' ? value.substring(0, 10) : value;
      for (DateTimeFormatter format : DATE_FORMATS) {
        try {
          date = LocalDate.parse(plain, format);
          break;
        } catch (DateTimeParseException e) {
          // next format
        }
      }
    }
    return date;
  }

  private static final java.util.regex.Pattern MONTH = java.util.regex.Pattern.compile(
      "(\\d{4})(?:[-/.年](\\d{1,2})月?|(\\d{2}))");

  /**
   * An income's month: 2026-03, 2026/3, 2026.3, 202603, 2026年3月, or a date or Excel date cell of it; within the
   * 24 months up to {@code today}'s.
   */
  static java.time.YearMonth month(String value, LocalDate today) {
    java.time.YearMonth month = null;
    java.util.regex.Matcher m = MONTH.matcher(value.strip());
    if (m.matches()) {
      int number = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3));
      if (number >= 1 && number <= 12) {
        month = java.time.YearMonth.of(Integer.parseInt(m.group(1)), number);
      }
    } else {
      LocalDate date = parseDate(value);
      month = date == null ? null : java.time.YearMonth.from(date);
    }
    if (month == null) {
      throw new IllegalArgumentException("月份格式不正确（应为 2026-03 这样的格式）：" + abbreviate(value));
    }
    java.time.YearMonth current = java.time.YearMonth.from(today);
    if (month.isAfter(current)) {
      throw new IllegalArgumentException("月份不能晚于本月：" + month);
    }
    if (month.isBefore(current.minusMonths(23))) {
      throw new IllegalArgumentException("月份早于近24个月，不再导入：" + month);
    }
    return month;
  }

  private static String category(PushColumn column, String value) {
    if (!column.allowed().contains(value)) {
      throw new IllegalArgumentException("应为" + String.join("、", column.allowed()) + "之一，实际为：" + abbreviate(value));
    }
    return value;
  }

  static BigDecimal amount(String value) {
    BigDecimal amount;
    try {
      amount = new BigDecimal(value.replace(",", "").replace("，", "").replace("元", "").strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("金额应为数字（单位：元）：" + abbreviate(value));
    }
    // the reasons quote the cell as written: a number like 1e308 written out would be 309 digits (1e999999999 a
    // billion), too long for the report and for memory
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("金额不能为负数：" + abbreviate(value));
    }
    if (amount.compareTo(MAX_AMOUNT) > 0) {
      throw new IllegalArgumentException("金额超过1亿元，请核对是否多输了位数：" + abbreviate(value));
    }
    if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException("金额最多两位小数：" + abbreviate(value));
    }
    return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
  }

  private static Integer number(String value, int max) {
    int number;
    try {
      number = new BigDecimal(value).intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("应为整数：" + abbreviate(value));
    }
    if (number < 0 || number > max) {
      throw new IllegalArgumentException("应在0到" + max + "之间：" + number);
    }
    return number;
  }

  private static Boolean flag(String value) {
    return switch (value) {
      case "是", "Y", "y", "1" -> Boolean.TRUE;
      case "否", "N", "n", "0" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("应填“是”或“否”：" + abbreviate(value));
    };
  }

  private static String text(String value) {
    if (value.length() > MAX_TEXT) {
      throw new IllegalArgumentException("不能超过" + MAX_TEXT + "个字");
    }
    return value;
  }

  private static String abbreviate(String value) {
    return value.length() > 30 ? value.substring(0, 30) + "…" : value;
  }
}
