package org.bangfu.household;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bangfu.household.HouseholdApi.HouseholdRequest;
import org.bangfu.household.HouseholdApi.IncomeRequest;
import org.bangfu.household.HouseholdApi.MemberRequest;
import org.bangfu.region.RegionCode;
import org.bangfu.region.RegionService;
import org.bangfu.shared.InvalidInputException.FieldError;
import org.bangfu.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Checks a household before anything is written, and names every wrong field in Chinese. Nothing is saved unless
 * the whole request is valid.
 */
@Component
public class HouseholdValidator {

  /** A month's net income or spending above this is treated as a typing error (一千万元). */
  static final BigDecimal MAX_MONTHLY_AMOUNT = new BigDecimal("10000000");
  static final int MAX_MEMBERS = 30;

  private final RegionService regions;

  public HouseholdValidator(RegionService regions) {
    this.regions = regions;
  }

  public void validate(HouseholdRequest request) {
    List<FieldError> errors = new ArrayList<>();
    if (request == null) {
      throw InvalidInputException.of("body", "请提交农户信息");
    }
    requireText(errors, "headName", request.headName(), "户主姓名", 64);
    String village = request.villageCode();
    if (village == null || village.isBlank()) {
      errors.add(new FieldError("villageCode", "请填写所在村的区划代码"));
    } else if (!RegionCode.isWellFormed(village)) {
      errors.add(new FieldError("villageCode", "区划代码应为12位数字"));
    } else if (regions.findVillage(village).isEmpty()) {
      errors.add(new FieldError("villageCode", "区划代码 " + village + " 不是本系统登记的村"));
    }
    if (!isEnum(HouseholdKind.class, request.kind())) {
      errors.add(new FieldError("kind", "农户类型应为 FORMERLY_POOR（脱贫户）或 ORDINARY（一般农户）"));
    }
    if (request.address() != null && request.address().length() > 200) {
      errors.add(new FieldError("address", "住址不能超过200个字"));
    } else if (request.address() != null && !storable(request.address())) {
      errors.add(new FieldError("address", "住址含有控制字符或无法识别的字符，请重新输入"));
    }
    validateMembers(errors, request.members());
    validateIncomes(errors, request.incomes());
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  private void validateMembers(List<FieldError> errors, List<MemberRequest> members) {
    if (members == null || members.isEmpty()) {
      errors.add(new FieldError("members", "至少登记一名家庭成员（户主）"));
      return;
    }
    if (members.size() > MAX_MEMBERS) {
      errors.add(new FieldError("members", "家庭成员不能超过" + MAX_MEMBERS + "人"));
      return;
    }
    long heads = members.stream().filter(m -> m != null && Relation.HEAD.name().equals(m.relation())).count();
    if (heads != 1) {
      errors.add(new FieldError("members", "家庭成员中应有且只有一名户主（HEAD）"));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < members.size(); i++) {
      String prefix = "members[" + i + "].";
      MemberRequest m = members.get(i);
      if (m == null) {
        errors.add(new FieldError("members[" + i + "]", "成员信息为空"));
        continue;
      }
      requireText(errors, prefix + "name", m.name(), "成员姓名", 64);
      IdNumber.problem(m.idNumber()).ifPresentOrElse(
          p -> errors.add(new FieldError(prefix + "idNumber", p)),
          () -> {
            if (!seen.add(m.idNumber())) {
              errors.add(new FieldError(prefix + "idNumber", "同一身份证号码在本户中重复登记"));
            }
          });
      if (!isEnum(Relation.class, m.relation())) {
        errors.add(new FieldError(prefix + "relation", "与户主关系应为 HEAD、SPOUSE、CHILD、PARENT、GRANDCHILD、SIBLING 或 OTHER"));
      }
      if (!isEnum(LabourCapacity.class, m.labourCapacity())) {
        errors.add(new FieldError(prefix + "labourCapacity", "劳动能力应为 FULL（有）、WEAK（弱）、HALF（半）或 NONE（无）"));
      }
    }
  }

  public void validateIncomes(List<FieldError> errors, List<IncomeRequest> incomes) {
    if (incomes == null) {
      return;
    }
    Set<String> periods = new HashSet<>();
    YearMonth now = YearMonth.now();
    for (int i = 0; i < incomes.size(); i++) {
      String prefix = "incomes[" + i + "].";
      IncomeRequest income = incomes.get(i);
      if (income == null) {
        errors.add(new FieldError("incomes[" + i + "]", "收入记录为空"));
        continue;
      }
      YearMonth period = null;
      try {
        period = income.period() == null ? null : YearMonth.parse(income.period());
      } catch (DateTimeParseException e) {
        // reported below
      }
      if (period == null || !income.period().matches("\\d{4}-\\d{2}")) {
        errors.add(new FieldError(prefix + "period", "收入月份应写成 年-月，例如 2026-03"));
      } else if (period.isAfter(now) || period.isBefore(YearMonth.of(2000, 1))) {
        errors.add(new FieldError(prefix + "period", "收入月份应在2000年1月至本月之间"));
      } else if (!periods.add(income.period())) {
        errors.add(new FieldError(prefix + "period", "同一月份的收入重复登记"));
      }
      checkKinds(errors, prefix, income);
      checkAmount(errors, prefix + "netIncome", income.resolvedNetIncome(), "当月纯收入", !income.hasKinds());
      checkAmount(errors, prefix + "rigidSpending", income.rigidSpending(), "合规自付支出", false);
      if (income.note() != null && income.note().length() > 200) {
        errors.add(new FieldError(prefix + "note", "备注不能超过200个字"));
      } else if (income.note() != null && !storable(income.note())) {
        errors.add(new FieldError(prefix + "note", "备注含有控制字符或无法识别的字符，请重新输入"));
      }
    }
  }

  /**
   * The four kinds of a month (经营性、工资性、财产性、转移性净收入): all or none; wages and transfers not negative,
   * business and property income may be (a loss); their sum is the net income, and a net income given with them
   * must be that sum.
   */
  private static void checkKinds(List<FieldError> errors, String prefix, IncomeRequest income) {
    if (!income.hasKinds()) {
      return;
    }
    BigDecimal[] kinds = {income.businessIncome(), income.wageIncome(), income.propertyIncome(),
        income.transferIncome()};
    String[] fields = {"businessIncome", "wageIncome", "propertyIncome", "transferIncome"};
    int before = errors.size();
    for (int k = 0; k < 4; k++) {
      IncomeKind kind = IncomeKind.values()[k];
      if (kinds[k] == null) {
        errors.add(new FieldError(prefix + fields[k], "按收入类别登记时四类收入都要填写（没有的填0）：缺少" + kind.label()));
      } else if (!kind.mayBeLoss()) {
        checkAmount(errors, prefix + fields[k], kinds[k], kind.label(), true);
      } else if (kinds[k].abs().compareTo(MAX_MONTHLY_AMOUNT) > 0) {
        errors.add(new FieldError(prefix + fields[k], kind.label() + "超过一千万元，请核对是否多写了位数"));
      } else if (kinds[k].scale() > 2) {
        errors.add(new FieldError(prefix + fields[k], kind.label() + "最多保留两位小数（分）"));
      }
    }
    if (errors.size() > before) {
      return;
    }
    BigDecimal sum = kinds[0].add(kinds[1]).add(kinds[2]).add(kinds[3]);
    if (income.netIncome() != null && income.netIncome().compareTo(sum) != 0) {
      errors.add(new FieldError(prefix + "netIncome", "四类收入之和为 " + sum.toPlainString() + " 元，与填写的当月纯收入 "
          + income.netIncome().toPlainString() + " 元不一致"));
    }
  }

  private static void checkAmount(List<FieldError> errors, String field, BigDecimal amount, String label,
      boolean required) {
    if (amount == null) {
      if (required) {
        errors.add(new FieldError(field, "请填写" + label + "（元）"));
      }
      return;
    }
    if (amount.signum() < 0) {
      errors.add(new FieldError(field, label + "不能为负数"));
    } else if (amount.compareTo(MAX_MONTHLY_AMOUNT) > 0) {
      errors.add(new FieldError(field, label + "超过一千万元，请核对是否多写了位数"));
    } else if (amount.scale() > 2) {
      errors.add(new FieldError(field, label + "最多保留两位小数（分）"));
    }
  }

  static void requireText(List<FieldError> errors, String field, String value, String label, int max) {
    if (value == null || value.isBlank() || !hasVisibleCharacter(value)) {
      errors.add(new FieldError(field, "请填写" + label));
    } else if (value.length() > max) {
      errors.add(new FieldError(field, label + "不能超过" + max + "个字"));
    } else if (!storable(value)) {
      errors.add(new FieldError(field, label + "含有控制字符或无法识别的字符，请重新输入"));
    }
  }

  /** Something a reader can see: not only spaces and invisible marks (zero-width space, direction marks). */
  private static boolean hasVisibleCharacter(String value) {
    return value.codePoints().anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
        && Character.getType(c) != Character.FORMAT && !Character.isISOControl(c));
  }

  /** No control characters (a tab or line break included) and no half of a character (a lone surrogate). */
  static boolean storable(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static <E extends Enum<E>> boolean isEnum(Class<E> type, String value) {
    if (value == null) {
      return false;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return true;
      }
    }
    return false;
  }
}
