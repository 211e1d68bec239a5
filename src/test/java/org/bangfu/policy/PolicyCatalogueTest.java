package org.bangfu.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bangfu.policy.PolicyCatalogue.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every catalogued policy rule lives somewhere (a BPMN element, a DMN rule or a configuration key) and is shown by a
 * test; every marker names a rule of the catalogue. Removing a marker fails the build with the rule's id.
 */
class PolicyCatalogueTest {

  static PolicyCatalogue catalogue;

  @BeforeAll
  static void load() throws IOException {
    catalogue = PolicyCatalogue.load(Path.of(""));
  }

  @Test
  void theCatalogueIsWellFormed() {
    assertThat(catalogue.rules()).hasSizeGreaterThanOrEqualTo(27);
    for (Rule rule : catalogue.rules().values()) {
      assertThat(rule.id()).matches(PolicyCatalogue.RULE_ID);
      assertThat(List.of(rule.title(), rule.source(), rule.text())).as("规则 %s 的标题、出处和原文", rule.id())
          .allSatisfy(text -> assertThat(text).isNotBlank());
      assertThat(rule.kind()).as("规则 %s 的性质（政策原文、国家程序、数据规则或本系统程序）", rule.id())
          .isIn(PolicyCatalogue.KINDS);
    }
  }

  @Test
  void everyRuleLivesInAModelOrTheConfiguration() {
    for (Rule rule : catalogue.rules().values()) {
      assertThat(catalogue.elementsOf(rule.id()))
          .as("政策规则 %s（%s）在流程、决策表和配置中都没有标记", rule.id(), rule.title()).isNotEmpty();
    }
  }

  @Test
  void everyRuleHasATest() {
    for (Rule rule : catalogue.rules().values()) {
      assertThat(catalogue.testsOf(rule.id()))
          .as("政策规则 %s（%s）没有测试（@PolicyRule(\"%s\")）", rule.id(), rule.title(), rule.id()).isNotEmpty();
    }
  }

  /** The checks themselves, on a broken fixture: a rule without an element, and a marker of an unknown rule. */
  @Test
  void theScanFindsMarkersAndWhatIsMissing() throws IOException {
    PolicyCatalogue broken = PolicyCatalogue.load(Path.of("src/test/resources/policy-fixture"));
    assertThat(broken.elementsOf("R01")).containsExactly("BPMN FixtureProcess / Activity_Verify 入户核实");
    assertThat(broken.elementsOf("R02")).containsExactly("配置 bangfu.identification.notice-duration");
    assertThat(broken.elementsOf("R03")).isEmpty();
    assertThat(broken.unknownMarkers()).containsOnlyKeys("R99");
  }

  @Test
  void everyMarkerNamesACatalogueRule() {
    assertThat(catalogue.unknownMarkers()).as("标记引用了目录中不存在的政策规则").isEmpty();
  }
}
