package org.bangfu.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.bangfu.household.HouseholdApi.HouseholdRequest;
import org.bangfu.household.HouseholdApi.IncomeRequest;
import org.bangfu.household.HouseholdApi.MemberRequest;
import org.bangfu.region.Region;
import org.bangfu.region.RegionService;
import org.bangfu.shared.InvalidInputException;

/**
 * Properties of the registry's validation over generated input: an income amount is accepted exactly when it is
 * between 0 and ten million 元 written with at most two decimals (分), and every refusal is an {@link InvalidInputException}
 * naming the field in Chinese — never another exception, whatever the region code or name.
 */
class HouseholdValidatorPropertyTest {

  static final String VILLAGE = "629901100201";
  final RegionService regions = mock(RegionService.class);
  final HouseholdValidator validator = new HouseholdValidator(regions);

  HouseholdValidatorPropertyTest() {
    when(regions.findVillage(VILLAGE)).thenReturn(Optional.of(new Region(VILLAGE, "东山村", "VILLAGE", "629901100")));
  }

  @Provide
  Arbitrary<BigDecimal> amounts() {
    return Arbitraries.oneOf(
        Arbitraries.bigDecimals().between(new BigDecimal("-1e9"), new BigDecimal("1e9")).ofScale(2),
        Arbitraries.bigDecimals().between(new BigDecimal("-100"), new BigDecimal("1e8")).ofScale(4),
        Arbitraries.of(new BigDecimal("10000000"), new BigDecimal("10000000.01"), new BigDecimal("0"),
            new BigDecimal("-0.01"), new BigDecimal("1E+20")));
  }

  @Property(tries = 1500)
  void anIncomeIsAcceptedExactlyWithinTheRules(@ForAll("amounts") BigDecimal net) {
    HouseholdRequest request = household(VILLAGE, "张三",
        List.of(new IncomeRequest(YearMonth.now().minusMonths(1).toString(), net, BigDecimal.ZERO, null)));
    boolean allowed = net.signum() >= 0 && net.compareTo(new BigDecimal("10000000")) <= 0 && net.scale() <= 2;
    Throwable refused = catchThrowable(() -> validator.validate(request));
    if (allowed) {
      assertThat(refused).as("net %s", net).isNull();
    } else {
      assertThat(refused).as("net %s", net).isInstanceOf(InvalidInputException.class);
      assertThat(((InvalidInputException) refused).errors()).allSatisfy(e -> {
        assertThat(e.field()).isEqualTo("incomes[0].netIncome");
        assertThat(e.message()).containsPattern("[\\u4e00-\\u9fff]");
      });
    }
  }

  @Property(tries = 1500)
  void anyRegionCodeOrNameIsAnsweredWithFieldErrorsOnly(@ForAll @StringLength(max = 20) String village,
      @ForAll @StringLength(max = 80) String name) {
    Throwable refused = catchThrowable(() -> validator.validate(household(village, name, List.of())));
    if (refused != null) {
      assertThat(refused).isInstanceOf(InvalidInputException.class);
      assertThat(((InvalidInputException) refused).errors()).isNotEmpty().allSatisfy(e ->
          assertThat(e.field()).isIn("villageCode", "headName"));
    } else {
      assertThat(village).isEqualTo(VILLAGE);
    }
  }

  /**
   * A name is taken exactly when a reader can see it and the database can store it as it is: at most 64 characters,
   * something visible (not only spaces or zero-width marks), no control character, no half of a character (it would
   * not survive UTF-8 unchanged).
   */
  @Property(tries = 3000)
  void aNameIsAcceptedExactlyWhenItCanBeReadAndStored(@ForAll @StringLength(max = 70) String name) {
    Throwable refused = catchThrowable(() -> validator.validate(household(VILLAGE, name, List.of())));
    boolean visible = name.codePoints().anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
        && Character.getType(c) != Character.FORMAT && !Character.isISOControl(c));
    boolean survivesUtf8 = name.equals(new String(name.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        java.nio.charset.StandardCharsets.UTF_8));
    boolean allowed = visible && name.length() <= 64 && survivesUtf8 && name.chars().noneMatch(Character::isISOControl);
    if (allowed) {
      assertThat(refused).as("name %s", name.codePoints().boxed().toList()).isNull();
    } else {
      assertThat(refused).as("name %s", name.codePoints().boxed().toList()).isInstanceOf(InvalidInputException.class);
      assertThat(((InvalidInputException) refused).errors()).singleElement().satisfies(e -> {
        assertThat(e.field()).isEqualTo("headName");
        assertThat(e.message()).containsPattern("[\\u4e00-\\u9fff]");
      });
    }
  }

  private static HouseholdRequest household(String village, String name, List<IncomeRequest> incomes) {
    return new HouseholdRequest(name, village, "ORDINARY", null,
        List.of(new MemberRequest("张三", "11010519491231002X", "HEAD", "FULL")), incomes, null, null);
  }
}
