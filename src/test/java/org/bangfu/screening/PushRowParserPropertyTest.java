package org.bangfu.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bangfu.household.IdNumber;
import org.bangfu.screening.PushFileReader.RawRow;
import org.bangfu.screening.PushRowParser.Parsed;
import org.bangfu.screening.PushRowParser.RowError;

/**
 * Properties of the department push parser over rows of every shape (valid values, garbage, unicode, huge and
 * negative amounts, dates far off, cells missing): it never throws; a row is either accepted with values inside the
 * rules or refused with errors naming its row, a column of the layout and a reason in Chinese — never both.
 */
class PushRowParserPropertyTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  @Provide
  Arbitrary<PushLayout> layouts() {
    return Arbitraries.of(PushLayouts.all());
  }

  /** A cell: plausible values of every kind mixed with hostile ones. */
  @Provide
  Arbitrary<String> cells() {
    return Arbitraries.oneOf(
        Arbitraries.just(""),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(20),
        Arbitraries.strings().all().ofMaxLength(60),
        Arbitraries.strings().withChars("0123456789-./ 年月日").ofMaxLength(12),
        Arbitraries.bigDecimals().between(new BigDecimal("-1e12"), new BigDecimal("1e12")).map(BigDecimal::toPlainString),
        Arbitraries.integers().between(-1000, 3_000_000).map(String::valueOf),
        Arbitraries.of("是", "否", "Y", "N", "true", "false", "1", "0", "=CMD|' /C calc'!A0", "１２３", "NaN", "1e309",
            "2026-11-23", "2099-01-01", "1900-02-29", "45000", "2025/2/30", "6299011002010000001"),
        Arbitraries.integers().between(0, 800).map(days -> TODAY.minusDays(days).toString()),
        Arbitraries.strings().numeric().ofLength(17).map(first17 -> first17 + IdNumber.checkChar(first17)));
  }

  @Provide
  Arbitrary<List<String>> rows() {
    return cells().list().ofMinSize(0).ofMaxSize(12);
  }

  @Property(tries = 2000)
  void aRowIsAcceptedWithinTheRulesOrRefusedWithReasonsNeverBoth(@ForAll("layouts") PushLayout layout,
      @ForAll("rows") List<String> cells) {
    PushRowParser parser = PushRowParser.forHeader(layout, layout.headers());
    Parsed parsed = parser.parse(new RawRow(7, cells), TODAY);

    if (parsed.errors().isEmpty()) {
      PushRow row = parsed.row();
      assertThat(row).isNotNull();
      assertThat(row.rowNo()).isEqualTo(7);
      assertThat(IdNumber.isValid(row.idNumber())).as("id %s", row.idNumber()).isTrue();
      if (row.eventDate() != null) {
        assertThat(row.eventDate()).isAfterOrEqualTo(TODAY.minusYears(2)).isBeforeOrEqualTo(TODAY);
      }
      if (row.amount() != null) {
        assertThat(row.amount()).isBetween(BigDecimal.ZERO, new BigDecimal("100000000"));
        assertThat(row.amount().scale()).isLessThanOrEqualTo(2);
      }
    } else {
      assertThat(parsed.row()).isNull();
      for (RowError error : parsed.errors()) {
        assertThat(error.rowNo()).isEqualTo(7);
        assertThat(layout.headers()).contains(error.columnName());
        assertThat(error.reason()).containsPattern("[\\u4e00-\\u9fff]");
      }
    }
  }

  @Property
  void aRowWithTheRequiredCellsEmptyNamesEachOne(@ForAll("layouts") PushLayout layout) {
    Parsed parsed = PushRowParser.forHeader(layout, layout.headers()).parse(new RawRow(2, List.of()), TODAY);
    assertThat(parsed.errors()).extracting(RowError::columnName).containsExactlyInAnyOrderElementsOf(
        layout.columns().stream().filter(PushColumn::required).map(PushColumn::header).toList());
  }
}
