package org.bangfu.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * Properties of the 18-digit ID number check (GB 11643, ISO 7064 MOD 11-2) over generated numbers: every well-formed
 * number passes, every single changed character is caught, nothing throws on any text, and the mask never shows the
 * birth date and sequence.
 */
class IdNumberPropertyTest {

  @Provide
  Arbitrary<String> validNumbers() {
    Arbitrary<String> region = Arbitraries.strings().numeric().ofLength(6);
    Arbitrary<LocalDate> birth = Arbitraries.integers().between(0, 40_000)
        .map(days -> LocalDate.of(1910, 1, 1).plusDays(days)).filter(d -> d.isBefore(LocalDate.now()));
    Arbitrary<String> sequence = Arbitraries.strings().numeric().ofLength(3);
    return Combinators.combine(region, birth, sequence).as((r, b, s) -> {
      String first17 = r + b.format(DateTimeFormatter.BASIC_ISO_DATE) + s;
      return first17 + IdNumber.checkChar(first17);
    });
  }

  @Property
  void everyWellFormedNumberIsValid(@ForAll("validNumbers") String id) {
    assertThat(IdNumber.problem(id)).isEmpty();
  }

  @Property
  void everySingleChangedCharacterIsCaught(@ForAll("validNumbers") String id, @ForAll @IntRange(max = 17) int at,
      @ForAll @IntRange(min = 1, max = 10) int shift) {
    String alphabet = "0123456789X";
    char original = id.charAt(at);
    char replaced = alphabet.charAt((alphabet.indexOf(original) + shift) % alphabet.length());
    String changed = id.substring(0, at) + replaced + id.substring(at + 1);
    assertThat(IdNumber.problem(changed)).as("%s → %s", id, changed).isPresent();
  }

  @Property
  void anyTextGetsAnAnswerInChineseAndNeverAnException(@ForAll @StringLength(max = 40) String text) {
    IdNumber.problem(text).ifPresent(message -> assertThat(message).containsPattern("[\\u4e00-\\u9fff]"));
  }

  @Property
  void theMaskKeepsOnlyTheRegionAndTheLastFour(@ForAll("validNumbers") String id) {
    String masked = IdNumber.mask(id);
    assertThat(masked).startsWith(id.substring(0, 6)).endsWith(id.substring(14)).hasSize(18)
        .doesNotContain(id.substring(6, 14));
  }
}
