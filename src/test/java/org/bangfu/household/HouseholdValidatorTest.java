package org.bangfu.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.bangfu.household.HouseholdApi.HouseholdRequest;
import org.bangfu.household.HouseholdApi.IncomeRequest;
import org.bangfu.household.HouseholdApi.MemberRequest;
import org.bangfu.region.Region;
import org.bangfu.region.RegionService;
import org.bangfu.shared.InvalidInputException.FieldError;
import org.bangfu.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class HouseholdValidatorTest {

  static final String VILLAGE = "629901100201";
  final RegionService regions = mock(RegionService.class);
  final HouseholdValidator validator = new HouseholdValidator(regions);

  HouseholdValidatorTest() {
    when(regions.findVillage(VILLAGE)).thenReturn(Optional.of(new Region(VILLAGE, "东山村", "VILLAGE", "629901100")));
    when(regions.findVillage("629901100299")).thenReturn(Optional.empty());
  }

  @Test
  void aCompleteHouseholdIsValid() {
    assertThatCode(() -> validator.validate(request(VILLAGE, "11010519491231002X", "FULL",
        new IncomeRequest(lastMonth(), new BigDecimal("2400.50"), BigDecimal.ZERO, null)))).doesNotThrowAnyException();
  }

  @Test
  void namesEveryWrongFieldAtOnce() {
    HouseholdRequest bad = new HouseholdRequest("", "629901100299", "RICH", null,
        List.of(new MemberRequest("张三", "110105194912310021", "COUSIN", "STRONG")),
        List.of(new IncomeRequest("2026-13", new BigDecimal("-1"), new BigDecimal("0.001"), null),
            new IncomeRequest(YearMonth.now().plusMonths(2).toString(), new BigDecimal("20000000"), null, null)),
        null, null);
    List<FieldError> errors = catchThrowableOfType(InvalidInputException.class, () -> validator.validate(bad))
        .errors();
    assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder("headName", "villageCode", "kind",
        "members", "members[0].idNumber", "members[0].relation", "members[0].labourCapacity", "incomes[0].period",
        "incomes[0].netIncome", "incomes[0].rigidSpending", "incomes[1].period", "incomes[1].netIncome");
    assertThat(errors).allSatisfy(e -> assertThat(e.message()).matches(".*[\\u4e00-\\u9fa5].*"));
  }

  @Test
  void theSameMonthTwiceIsRefused() {
    IncomeRequest month = new IncomeRequest(lastMonth(), BigDecimal.TEN, BigDecimal.ZERO, null);
    HouseholdRequest twice = new HouseholdRequest("张三", VILLAGE, "ORDINARY", null,
        List.of(new MemberRequest("张三", "11010519491231002X", "HEAD", "FULL")), List.of(month, month), null, null);
    assertThat(catchThrowableOfType(InvalidInputException.class, () -> validator.validate(twice)).errors())
        .extracting(FieldError::message).containsExactly("同一月份的收入重复登记");
  }

  /** A month by its four kinds: all four, wages and transfers not negative, their sum the net income. */
  @Test
  void aMonthByKindAddsUpToItsNetIncome() {
    IncomeRequest byKind = new IncomeRequest(lastMonth(), null, BigDecimal.ZERO, null, new BigDecimal("-200"),
        new BigDecimal("1800"), new BigDecimal("50.5"), new BigDecimal("300"));
    assertThatCode(() -> validator.validate(request(VILLAGE, "11010519491231002X", "FULL", byKind)))
        .doesNotThrowAnyException();
    assertThat(byKind.resolvedNetIncome()).isEqualByComparingTo("1950.5");
    IncomeRequest disagree = new IncomeRequest(lastMonth(), new BigDecimal("2000"), null, null, BigDecimal.ZERO,
        new BigDecimal("1800"), BigDecimal.ZERO, BigDecimal.ZERO);
    assertThat(catchThrowableOfType(InvalidInputException.class, () -> validator.validate(request(VILLAGE,
        "11010519491231002X", "FULL", disagree))).errors()).extracting(FieldError::field, FieldError::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("incomes[0].netIncome",
            "四类收入之和为 1800 元，与填写的当月纯收入 2000 元不一致"));
    IncomeRequest partial = new IncomeRequest(lastMonth(), null, null, null, null, new BigDecimal("-5"), null,
        BigDecimal.ONE);
    assertThat(catchThrowableOfType(InvalidInputException.class, () -> validator.validate(request(VILLAGE,
        "11010519491231002X", "FULL", partial))).errors()).extracting(FieldError::field)
        .containsExactlyInAnyOrder("incomes[0].businessIncome", "incomes[0].wageIncome",
            "incomes[0].propertyIncome");
    IncomeRequest loss = new IncomeRequest(lastMonth(), null, null, null, new BigDecimal("-3000"),
        new BigDecimal("1000"), BigDecimal.ZERO, BigDecimal.ZERO);
    assertThat(catchThrowableOfType(InvalidInputException.class, () -> validator.validate(request(VILLAGE,
        "11010519491231002X", "FULL", loss))).errors()).extracting(FieldError::message)
        .containsExactly("当月纯收入不能为负数");
  }

  private static HouseholdRequest request(String village, String id, String labour, IncomeRequest income) {
    return new HouseholdRequest("张三", village, "ORDINARY", "东山村1号",
        List.of(new MemberRequest("张三", id, "HEAD", labour)), List.of(income), null, null);
  }

  private static String lastMonth() {
    return YearMonth.now().minusMonths(1).toString();
  }
}
