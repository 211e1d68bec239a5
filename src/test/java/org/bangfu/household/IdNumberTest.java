package org.bangfu.household;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdNumberTest {

  @ParameterizedTest
  @CsvSource({
      // the GB 11643 example and numbers whose check character was computed independently (ISO 7064 MOD 11-2)
      "11010519491231002X",
      "440524198001010013",
      "110101199003070011",
      "629901201608151238"})
  void acceptsNumbersWithTheirCheckCharacter(String id) {
    assertThat(IdNumber.problem(id)).isEmpty();
    assertThat(IdNumber.checkChar(id.substring(0, 17))).isEqualTo(id.charAt(17));
  }

  @ParameterizedTest
  @CsvSource({
      "110105194912310021, 校验位",
      "11010519491231002x, 最后一位为数字或大写X",
      "11010519491331002X, 出生日期不存在",
      "1101051949123100, 18位",
      "11010530001231002X, 出生日期不合理",
      "'', 请填写"})
  void explainsWhatIsWrong(String id, String words) {
    assertThat(IdNumber.problem(id)).hasValueSatisfying(p -> assertThat(p).contains(words));
  }

  @Test
  void masksAllButTheRegionAndTheLastFour() {
    assertThat(IdNumber.mask("11010519491231002X")).isEqualTo("110105********002X");
    assertThat(IdNumber.mask(null)).isEqualTo("******");
  }

  @Test
  void membersNeverPrintTheirNumber() {
    Member member = new Member();
    member.setIdNumber("11010519491231002X");
    assertThat(member.toString()).doesNotContain("19491231").contains("110105********002X");
  }
}
