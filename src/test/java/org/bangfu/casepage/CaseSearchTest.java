package org.bangfu.casepage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.bangfu.casepage.CaseSearch.Kind;
import org.bangfu.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/** What the search box takes a text for, and how long a step took in a cadre's words. */
class CaseSearchTest {

  @Test
  void aTextIsACaseNumberAnIdNumberOrAName() {
    assertThat(CaseSearch.kindOf("BF629901-2026-000007")).isEqualTo(Kind.CASE_NUMBER);
    assertThat(CaseSearch.kindOf("bf629901-2026-000007")).isEqualTo(Kind.CASE_NUMBER);
    assertThat(CaseSearch.kindOf("11010519491231002X")).isEqualTo(Kind.ID_NUMBER);
    assertThat(CaseSearch.kindOf("11010519491231002x")).isEqualTo(Kind.ID_NUMBER);
    assertThat(CaseSearch.kindOf("王建国")).isEqualTo(Kind.NAME);
    assertThat(CaseSearch.kindOf("阿卜杜·热合曼")).isEqualTo(Kind.NAME);
  }

  @Test
  void anythingElseIsRefusedInWordsACadreUnderstands() {
    assertThatThrownBy(() -> CaseSearch.kindOf("110105194912310021")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("身份证号码");
    for (String q : new String[] {"", "王", "BF629901", "王%", "1234", "<script>"}) {
      assertThatThrownBy(() -> CaseSearch.kindOf(q)).as(q).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("案件编号");
    }
  }

  @Test
  void theSummarysTextIsShownAsItselfNotAsMarkdown() {
    assertThat(CaseBriefs.md("629901********1234")).isEqualTo("629901\\*\\*\\*\\*\\*\\*\\*\\*1234");
    assertThat(CaseBriefs.md("[链接](javascript:x) _斜体_ <b>")).isEqualTo("\\[链接\\](javascript:x) \\_斜体\\_ \\<b\\>");
    assertThat(CaseBriefs.md(null)).isEmpty();
  }

  @Test
  void timeTakenReadsInDaysHoursAndMinutes() {
    LocalDateTime start = LocalDateTime.of(2026, 11, 2, 9, 0);
    Date created = Date.from(start.atZone(ZoneId.systemDefault()).toInstant());
    assertThat(CaseViews.took(created, start.plusDays(2).plusHours(3))).isEqualTo("2天3小时");
    assertThat(CaseViews.took(created, start.plusDays(1))).isEqualTo("1天");
    assertThat(CaseViews.took(created, start.plusHours(5).plusMinutes(20))).isEqualTo("5小时20分钟");
    assertThat(CaseViews.took(created, start.plusSeconds(10))).isEqualTo("1分钟");
    assertThat(CaseViews.took(null, start)).isEmpty();
    assertThat(CaseViews.took(created, start.minusHours(1))).isEmpty();
  }
}
