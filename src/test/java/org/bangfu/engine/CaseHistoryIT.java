package org.bangfu.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.bangfu.demo.DemoData;
import org.bangfu.identification.RiskIdentification;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The history level "case" ({@link CaseHistoryLevel}) on MariaDB, after a step completed as Tasklist completes it:
 * what the case page, 撤回, Cockpit and the audit read is written; the rows nobody reads are not.
 */
class CaseHistoryIT extends MariaDbIntegrationTest {

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aCompletionWritesTheHistoryThatIsReadAndNotTheRowsNobodyReads() {
    assertThat(jdbc.queryForObject("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'historyLevel'", String.class))
        .isEqualTo(String.valueOf(CaseHistoryLevel.ID));
    String businessKey = openIdentification(DemoData.DONGSHAN, "cadre_dongshan");
    api.decide("cadre_dongshan", businessKey, RiskIdentification.VERIFY_HOUSEHOLD, Map.of("authorisationSigned", true,
        "verifyFindings", "情况属实", "verifyDecision", "CONFIRM"));
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .processDefinitionKey(RiskIdentification.KEY).singleResult().getId();

    // read: the case page's steps and times, 撤回 and 已办, Cockpit's variables, the audit's engine operations
    assertThat(count("ACT_HI_TASKINST WHERE PROC_INST_ID_ = ? AND END_TIME_ IS NOT NULL", instance)).isOne();
    assertThat(count("ACT_HI_ACTINST WHERE PROC_INST_ID_ = ?", instance)).isGreaterThan(2);
    assertThat(count("ACT_HI_VARINST WHERE PROC_INST_ID_ = ? AND NAME_ = 'verifyDecision'", instance)).isOne();
    assertThat(count("ACT_HI_OP_LOG WHERE PROC_INST_ID_ = ? AND OPERATION_TYPE_ IN ('Claim', 'Complete')", instance))
        .isGreaterThanOrEqualTo(2);
    // not written: a row per variable write, the candidate groups' and assignees' history
    assertThat(count("ACT_HI_DETAIL WHERE PROC_INST_ID_ = ?", instance)).isZero();
    assertThat(count("ACT_HI_IDENTITYLINK WHERE TASK_ID_ IN (SELECT ID_ FROM ACT_HI_TASKINST WHERE PROC_INST_ID_ = ?)",
        instance)).isZero();
  }

  private int count(String from, String instance) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + from, Integer.class, instance);
  }
}
