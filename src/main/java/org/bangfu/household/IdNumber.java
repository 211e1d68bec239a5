package org.bangfu.household;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import org.bangfu.shared.EngineClock;

/**
 * The 18-digit citizen ID number (公民身份号码, GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence and a
 * check character computed with ISO 7064 MOD 11-2.
 */
public final class IdNumber {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd")
      .withResolverStyle(ResolverStyle.STRICT);

  private IdNumber() {
  }

  /** Why the number is not valid, in Chinese, or empty when it is valid. */
  public static Optional<String> problem(String id) {
    if (id == null || id.isBlank()) {
      return Optional.of("请填写身份证号码");
    }
    if (!id.matches("\\d{17}[\\dX]")) {
      return Optional.of("身份证号码应为18位，前17位为数字，最后一位为数字或大写X");
    }
    LocalDate birth;
    try {
      birth = LocalDate.parse(id.substring(6, 14), BIRTH);
    } catch (DateTimeParseException e) {
      return Optional.of("身份证号码中的出生日期不存在");
    }
    if (birth.isAfter(EngineClock.today()) || birth.isBefore(LocalDate.of(1900, 1, 1))) {
      return Optional.of("身份证号码中的出生日期不合理");
    }
    if (checkChar(id) != id.charAt(17)) {
      return Optional.of("身份证号码校验位不正确，请核对后重新填写");
    }
    return Optional.empty();
  }

  public static boolean isValid(String id) {
    return problem(id).isEmpty();
  }

  /** The check character for the first 17 digits. */
  public static char checkChar(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }

  public static LocalDate birthDate(String id) {
    return LocalDate.parse(id.substring(6, 14), BIRTH);
  }

  /** For lists, logs, notices and exports: region prefix and last four characters only. */
  public static String mask(String id) {
    if (id == null || id.length() < 10) {
      return "******";
    }
    return id.substring(0, 6) + "********" + id.substring(id.length() - 4);
  }
}
