package org.bangfu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;
import org.bangfu.demo.DemoData;
import org.bangfu.identification.RiskIdentification;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Property-based bad input through the running application: jqwik's generators (drawn with a fixed seed, printed on a
 * failure) produce broken households for the registry API and broken form submissions for a task, each sent over
 * HTTP as a client would. Every one must be refused with 400 and a message in Chinese, and write nothing: the
 * registry's row counts stay, the task stays open with its holder, no audit row appears. (jqwik's own engine does not
 * run inside a Spring context, so its generators are driven here; the generator-level properties are in the unit
 * tests.)
 */
class GeneratedBadInputIT extends MariaDbIntegrationTest {

  private static final long SEED = Long.getLong("bangfu.generated.seed", 20261123L);
  private static final int TRIES = Integer.getInteger("bangfu.generated.tries", 40);

  @Autowired
  private JdbcTemplate jdbc;

  /** jqwik's generators outside its engine: a session with the seed. */
  @org.junit.jupiter.api.BeforeEach
  void startGenerators() {
    JqwikSession.start(String.valueOf(SEED));
  }

  @org.junit.jupiter.api.AfterEach
  void finishGenerators() {
    JqwikSession.finish();
  }

  // --- the registry: one defect a household

  @Test
  void brokenHouseholdsAreRefusedAndWriteNothing() {
    Map<String, Arbitrary<UnaryOperator<Map<String, Object>>>> defects = new LinkedHashMap<>();
    defects.put("ID number", badIdNumbers().map(id -> body -> withMember(body, "idNumber", id)));
    defects.put("village code", badVillageCodes().map(code -> body -> with(body, "villageCode", code)));
    defects.put("monthly income", badAmounts(true).map(amount -> body -> withIncome(body, "netIncome", amount)));
    defects.put("rigid spending", badAmounts(false).map(amount -> body -> withIncome(body, "rigidSpending", amount)));
    defects.put("income month", badMonths().map(month -> body -> withIncome(body, "period", month)));
    defects.put("head's name", badNames().map(name -> body -> with(body, "headName", name)));
    defects.put("member's name", badNames().map(name -> body -> withMember(body, "name", name)));
    defects.put("address", badTexts(200).map(text -> body -> with(body, "address", text)));

    String counts = "SELECT (SELECT COUNT(*) FROM bf_household) + (SELECT COUNT(*) FROM bf_member) * 1000000 "
        + "+ (SELECT COUNT(*) FROM bf_income) * 1000";
    for (Map.Entry<String, Arbitrary<UnaryOperator<Map<String, Object>>>> defect : defects.entrySet()) {
      for (int i = 0; i < TRIES; i++) {
        Map<String, Object> body = defect.getValue().sample()
            .apply(ApiClient.household(DemoData.DONGSHAN, "ORDINARY", 7000, 0, "FULL", "NONE"));
        Long before = jdbc.queryForObject(counts, Long.class);
        ResponseEntity<Map<String, Object>> answer = api.post("cadre_dongshan", "/api/households", body);
        String what = defect.getKey() + " (seed " + SEED + ", try " + i + "): " + body;
        assertThat(answer.getStatusCode().value()).as(what + " → " + answer.getBody()).isEqualTo(400);
        assertThat(answer.getBody().toString()).as(what).containsPattern("\\p{IsHan}");
        assertThat(jdbc.queryForObject(counts, Long.class)).as("nothing written: " + what).isEqualTo(before);
      }
    }
    // the same bodies without a defect are taken: the refusals above were the defects'
    assertThat(api.post("cadre_dongshan", "/api/households",
        ApiClient.household(DemoData.DONGSHAN, "ORDINARY", 7000, 0, "FULL", "NONE")).getStatusCode().value())
        .isEqualTo(201);
  }

  /** Wrong checksums, wrong lengths, full-width digits, letters, invisible characters. */
  private static Arbitrary<String> badIdNumbers() {
    Arbitrary<String> wrongChecksum = Arbitraries.integers().between(1930, 2020).map(ApiClient::newIdNumber)
        .map(id -> id.substring(0, 17) + (id.charAt(17) == '0' ? "1" : "0"));
    Arbitrary<String> swappedDigit = Arbitraries.integers().between(1930, 2020).map(ApiClient::newIdNumber)
        .flatMap(id -> Arbitraries.integers().between(6, 16).map(p -> id.substring(0, p)
            + (char) ('0' + (id.charAt(p) - '0' + 1) % 10) + id.substring(p + 1)));
    Arbitrary<String> wrongLength = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(40)
        .filter(s -> s.length() != 18);
    Arbitrary<String> fullWidth = Arbitraries.strings().withChars("０１２３４５６７８９").ofLength(18);
    Arbitrary<String> anyCharacters = Arbitraries.strings().withCharRange('\u0020', '\uD7FF').ofLength(18)
        .filter(s -> !s.matches("\\d{17}[\\dXx]"));
    Arbitrary<String> padded = Arbitraries.integers().between(1930, 2020).map(ApiClient::newIdNumber)
        .flatMap(id -> Arbitraries.of(id + "\u200B", "\u00A0" + id, id.substring(0, 17) + "Ｘ"));
    return Arbitraries.oneOf(wrongChecksum, swappedDigit, wrongLength, fullWidth, anyCharacters, padded);
  }

  /** Not 12 digits, or 12 digits of no village here (another county, a township's code padded). */
  private static Arbitrary<String> badVillageCodes() {
    return Arbitraries.oneOf(
        Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(20).filter(s -> s.length() != 12),
        Arbitraries.strings().numeric().ofLength(6).map(s -> "11" + s.substring(2) + "100201"),
        Arbitraries.strings().withChars("０１２３４５６７８９").ofLength(12),
        Arbitraries.strings().alpha().ofLength(12),
        Arbitraries.of(DemoData.TOWNSHIP_HEPING + "000", DemoData.DONGSHAN + " ", "62990110020１"));
  }

  /**
   * Negative, above ten million a month, more precise than 分, or not a number; empty only where the amount is
   * {@code required} (rigid spending may be left out).
   */
  private static Arbitrary<Object> badAmounts(boolean required) {
    return Arbitraries.oneOf(
        Arbitraries.bigDecimals().between(new BigDecimal("-1000000000000"), new BigDecimal("-0.01")).ofScale(2),
        Arbitraries.bigDecimals().between(new BigDecimal("10000000.01"), new BigDecimal("1E15")).ofScale(2),
        Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("100000")).ofScale(3)
            .filter(d -> d.stripTrailingZeros().scale() > 2),
        required ? Arbitraries.<Object>of("abc", "一万", "1e400", "NaN", "", true)
            : Arbitraries.<Object>of("abc", "一万", "1e400", "NaN", true));
  }

  /** Not 年-月, a month that does not exist, before 2000 or in the future. */
  private static Arbitrary<String> badMonths() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(1900, 1999).map(y -> y + "-06"),
        Arbitraries.integers().between(java.time.Year.now().getValue() + 1, 9999).map(y -> y + "-01"),
        Arbitraries.integers().between(13, 99).map(m -> "2025-" + m),
        Arbitraries.of("2025-00", "2025-1", "25-01", "2025/01", "2025年1月", "", "２０２５-０１"),
        Arbitraries.strings().withCharRange('\u0020', '\uD7FF').ofMinLength(1).ofMaxLength(12).filter(s -> !s.matches("\\d{4}-\\d{2}")));
  }

  /** Blank, invisible, too long, with control characters or half a character. */
  private static Arbitrary<String> badNames() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars(" \t\u3000\u00A0").ofMinLength(0).ofMaxLength(5),
        Arbitraries.strings().withChars("\u200B\u200E\u200F\uFEFF").ofMinLength(1).ofMaxLength(5),
        Arbitraries.strings().withCharRange('\u4E00', '\u9FA5').ofMinLength(65).ofMaxLength(300),
        badTexts(64));
  }

  /**
   * Text with a control character somewhere, or longer than {@code max}. (A lone surrogate cannot be sent as JSON by
   * this client; HouseholdValidatorPropertyTest covers it.)
   */
  private static Arbitrary<String> badTexts(int max) {
    Arbitrary<String> han = Arbitraries.strings().withCharRange('\u4E00', '\u9FA5').ofMinLength(1).ofMaxLength(10);
    Arbitrary<Character> bad = Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u001F'),
        Arbitraries.chars().range('\u007F', '\u009F'));
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('\u4E00', '\u9FA5').ofMinLength(max + 1).ofMaxLength(max + 100),
        han.flatMap(text -> bad.map(c -> text + c + "村")));
  }

  // --- a task's form: one broken field a submission

  @Test
  void brokenFormSubmissionsAreRefusedAndTheTaskStaysAsItWas() {
    String businessKey = openIdentification(DemoData.DONGSHAN, "cadre_dongshan");
    Map<String, Object> task = api.tasks("cadre_dongshan", businessKey).get(0);
    String taskId = (String) task.get("id");
    assertThat(api.claim("cadre_dongshan", taskId).getStatusCode().value()).isEqualTo(204);
    Map<String, Object> valid = Map.of("authorisationSigned", true, "verifyFindings", "情况属实",
        "verifyDecision", "CONFIRM", "medicalSelfPay", 12000);

    Map<String, Arbitrary<Object>> defects = new LinkedHashMap<>();
    defects.put("verifyDecision", Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('\u0020', '\uD7FF').ofMinLength(1).ofMaxLength(20).filter(s -> !List.of("CONFIRM", "REJECT")
            .contains(s)).map(s -> (Object) s),
        Arbitraries.<Object>of("confirm", "确认", " CONFIRM", 1, true)));
    defects.put("verifyFindings", Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('\u4E00', '\u9FA5').ofMinLength(1001).ofMaxLength(5000)
            .map(s -> (Object) s),
        Arbitraries.<Object>of("", 42, false)));
    defects.put("authorisationSigned", Arbitraries.<Object>of("true", "是", 1, ""));
    defects.put("medicalSelfPay", Arbitraries.oneOf(
        Arbitraries.integers().between(Integer.MIN_VALUE, -1).map(n -> (Object) n),
        Arbitraries.doubles().between(100_000_000.5, 1e15).map(d -> (Object) d),
        Arbitraries.<Object>of("abc", "一万", true)));
    defects.put("verifyReason", Arbitraries.strings().withCharRange('\u4E00', '\u9FA5').ofMinLength(1001)
        .ofMaxLength(3000).map(s -> (Object) s));

    String instance = (String) task.get("processInstanceId");
    Map<String, Object> variablesBefore = runtimeService.getVariables(instance);
    for (Map.Entry<String, Arbitrary<Object>> defect : defects.entrySet()) {
      for (int i = 0; i < TRIES / 2; i++) {
        Object value = defect.getValue().sample();
        Map<String, Object> variables = new HashMap<>(valid);
        variables.put(defect.getKey(), value);
        ResponseEntity<Map<String, Object>> answer = api.complete("cadre_dongshan", taskId, variables);
        String what = defect.getKey() + " = " + abbreviate(value) + " (seed " + SEED + ", try " + i + ")";
        assertThat(answer.getStatusCode().value()).as(what + " → " + answer.getBody()).isEqualTo(400);
        assertThat(String.valueOf(answer.getBody())).as(what).containsPattern("\\p{IsHan}");
      }
    }
    // nothing of it was kept: the task is open and held, no decision recorded, no variable stored
    List<Map<String, Object>> open = api.tasks("cadre_dongshan", businessKey);
    assertThat(open).singleElement().satisfies(t -> {
      assertThat(t.get("id")).isEqualTo(taskId);
      assertThat(t.get("assignee")).isEqualTo("cadre_dongshan");
    });
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_case_audit a JOIN bf_case c ON c.id = a.case_id "
        + "WHERE c.business_key = ? AND a.step = ?", Integer.class, businessKey, RiskIdentification.VERIFY_HOUSEHOLD))
        .isZero();
    assertThat(runtimeService.getVariables(instance)).isEqualTo(variablesBefore);
    // and the valid submission completes it
    assertThat(api.complete("cadre_dongshan", taskId, valid).getStatusCode().value()).isEqualTo(204);
  }

  // --- building the bodies

  private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(body);
    copy.put(field, value);
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withMember(Map<String, Object> body, String field, Object value) {
    List<Map<String, Object>> members = new ArrayList<>();
    for (Map<String, Object> member : (List<Map<String, Object>>) body.get("members")) {
      members.add(new LinkedHashMap<>(member));
    }
    members.get(members.size() - 1).put(field, value);
    return with(body, "members", members);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withIncome(Map<String, Object> body, String field, Object value) {
    List<Map<String, Object>> incomes = new ArrayList<>();
    for (Map<String, Object> income : (List<Map<String, Object>>) body.get("incomes")) {
      incomes.add(new LinkedHashMap<>(income));
    }
    incomes.get(incomes.size() / 2).put(field, value);
    return with(body, "incomes", incomes);
  }

  private static String abbreviate(Object value) {
    String text = String.valueOf(value);
    return text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + ")" : text;
  }
}
