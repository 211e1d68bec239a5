package org.bangfu.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.bangfu.process.ProcessTestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The model lint finds each kind of defect in the broken models under src/test/resources/lint, and none in ours. */
class ModelLintTest {

  static ModelLint lint;
  static Map<String, byte[]> models = new LinkedHashMap<>();

  @BeforeAll
  static void setUp() throws IOException {
    Set<String> beans = new HashSet<>();
    try (Stream<Path> workers = Files.walk(Path.of("workers"))) {
      workers.filter(f -> f.toString().endsWith("Delegate.java")).forEach(f -> {
        String name = f.getFileName().toString().replace(".java", "");
        beans.add(Character.toLowerCase(name.charAt(0)) + name.substring(1));
      });
    }
    Map<String, Integer> sla = ProcessTestEngine.slaDays();
    lint = new ModelLint(new ModelLint.Context(ProcessVariables.NAMES, sla.keySet(), beans::contains,
        DecisionInputs.BY_DECISION));
    for (String folder : List.of("processes", "forms")) {
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        for (Path file : files.sorted().toList()) {
          models.put(folder + "/" + file.getFileName(), Files.readAllBytes(file));
        }
      }
    }
  }

  private static List<ModelLint.Finding> withBroken(String fixture, String asName) throws IOException {
    Map<String, byte[]> set = new LinkedHashMap<>(models);
    set.put(asName, Files.readAllBytes(Path.of("src/test/resources/lint", fixture)));
    return lint.check(set).stream().filter(f -> f.file().equals(asName)).toList();
  }

  private static String messageFor(List<ModelLint.Finding> findings, String element) {
    return findings.stream().filter(f -> element.equals(f.element())).map(ModelLint.Finding::message)
        .reduce((a, b) -> a + " | " + b).orElse("");
  }

  @Test
  void ourModelsFollowTheRules() {
    assertThat(lint.check(models)).isEmpty();
  }

  @Test
  void eachDefectOfAProcessIsFoundWithGuidance() throws IOException {
    List<ModelLint.Finding> findings = withBroken("BrokenProcess.bpmn", "processes/BrokenProcess.bpmn");
    assertThat(messageFor(findings, "BrokenProcess")).contains("没有设置历史保留期");
    assertThat(messageFor(findings, "Activity_NoForm")).contains("用户任务“没有表单的任务”没有表单");
    assertThat(messageFor(findings, "Activity_MissingForm")).contains("表单 NoSuchForm 不存在");
    assertThat(messageFor(findings, "Activity_NoGroup")).contains("没有候选组");
    assertThat(messageFor(findings, "Activity_UnknownGroupVariable")).contains("未知变量 villagCode");
    assertThat(messageFor(findings, "Activity_FixedDueDate")).contains("到期时间应为 ${sla.due(execution, '步骤')}");
    assertThat(messageFor(findings, "Activity_UnknownStep")).contains("bangfu.sla.days.noSuchStep");
    assertThat(messageFor(findings, "Activity_Script")).contains("流程中不能写脚本");
    assertThat(messageFor(findings, "Activity_JavaClass")).contains("camunda:class");
    assertThat(messageFor(findings, "Activity_UnknownBean")).contains("步骤 noSuchDelegate 不存在");
    assertThat(messageFor(findings, "Event_0a1b2c3")).contains("编号是自动生成的");
    assertThat(messageFor(findings, "Activity_UnknownReturnTarget"))
        .contains("退回环节 Activity_NoSuchStep 不是本流程中的其他环节");
    assertThat(messageFor(findings, "Activity_CrossLevelReturn")).contains("不在同一层级");
    assertThat(messageFor(findings, "Activity_BadSwitches")).contains("withdrawable 只能是 true 或 false",
        "没有办理意见变量（decisionVariable）", "screeningList 只能是 WARNING");
    assertThat(findings).hasSize(16);
  }

  @Test
  void eachDefectOfADecisionIsFoundWithGuidance() throws IOException {
    List<ModelLint.Finding> findings = withBroken("BrokenDecision.dmn", "processes/MonitoringEligibility.dmn");
    assertThat(messageFor(findings, "Decision_MonitoringEligibility"))
        .contains("用到了变量 perCapitaIncom，系统不提供这个变量").contains("perCapitaIncome");
    assertThat(messageFor(findings, "Decision_MonitoringThreshold")).contains("没有设置历史保留期");
    assertThat(messageFor(findings, "Decision_NewIdea")).contains("不是系统已知的决策");
    assertThat(findings).hasSize(3);
  }

  @Test
  void anUnreadableFileIsAFinding() {
    Map<String, byte[]> set = new LinkedHashMap<>(models);
    set.put("processes/Garbage.bpmn", "<not bpmn".getBytes());
    assertThat(lint.check(set)).extracting(ModelLint.Finding::message)
        .anySatisfy(m -> assertThat(m).contains("流程文件无法读取"));
  }
}
