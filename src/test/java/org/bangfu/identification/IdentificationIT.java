package org.bangfu.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.demo.DemoData.DONGSHAN;

import java.util.List;
import java.util.Map;
import org.bangfu.policy.PolicyRule;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One whole identification on MariaDB, driven through the REST APIs as the users of each level. */
class IdentificationIT extends MariaDbIntegrationTest {

  @Autowired
  RepositoryService repositoryService;


  @Test
  @PolicyRule({"R04", "R05", "R10"})
  void aCadreScreeningIsApprovedByVillageTownshipAndCounty() {
    long household = api.createHousehold("cadre_dongshan",
        ApiClient.household(DONGSHAN, "FORMERLY_POOR", 7200, 0, "FULL", "FULL", "NONE", "WEAK"));
    Map<String, Object> opened = api.openCase("cadre_dongshan", Map.of("householdId", household,
        "channel", "CADRE_SCREENING", "riskTypes", List.of("ILLNESS", "UNSTABLE_WORK")));
    String bk = (String) opened.get("businessKey");
    Number caseId = (Number) opened.get("id");
    assertThat(opened.get("status")).isEqualTo("IDENTIFYING");

    // the village cadre verifies at home, with the household's signed authorisation
    List<Map<String, Object>> tasks = api.tasks("cadre_dongshan", bk);
    assertThat(tasks).extracting(t -> t.get("taskDefinitionKey")).containsExactly(RiskIdentification.VERIFY_HOUSEHOLD);
    assertThat(tasks.get(0).get("due")).isNotNull();
    api.decide("cadre_dongshan", bk, RiskIdentification.VERIFY_HOUSEHOLD, Map.of("authorisationSigned", true,
        "verifyFindings", "家中一人慢性病长期服药，一人务工仅4个月", "verifyDecision", "CONFIRM"));

    // asset cross-check by the county, in parallel with the village's democratic review
    assertThat(api.tasks("approver_county", bk)).extracting(t -> t.get("taskDefinitionKey"))
        .containsExactly(RiskIdentification.CROSS_CHECK_ASSETS);
    api.decide("cadre_dongshan", bk, RiskIdentification.DEMOCRATIC_REVIEW, Map.of("reviewDecision", "PASS"));
    api.decide("approver_county", bk, RiskIdentification.CROSS_CHECK_ASSETS, Map.of("assetCheckResult", "CLEAR"));

    // five days of public notice pass without objection
    Job notice = timer(bk);
    assertThat(notice.getDuedate()).isAfter(new java.util.Date(System.currentTimeMillis() + 4L * 86_400_000));
    managementService.executeJob(notice.getId());

    assertThat(api.tasks("reviewer_fumin", bk)).isEmpty();
    api.decide("reviewer_heping", bk, RiskIdentification.TOWNSHIP_REVIEW, Map.of("townshipDecision", "APPROVE",
        "townshipReason", "材料齐全"));
    api.decide("approver_county", bk, RiskIdentification.COUNTY_APPROVAL, Map.of("countyDecision", "APPROVE"));

    Map<String, Object> decided = api.get("cadre_dongshan", "/api/cases/" + caseId).getBody();
    assertThat(decided.get("status")).isEqualTo("MONITORED");
    assertThat(decided.get("householdType")).isEqualTo("TPBWD");
    assertThat(decided.get("decidedBy")).isEqualTo("approver_county");
    // the case moves on to its household plan (一户一策), drafted by the village
    assertThat((List<Map<String, Object>>) decided.get("openTasks")).extracting(t -> t.get("step"))
        .containsExactly("Activity_DraftPlan");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> audit = (List<Map<String, Object>>) decided.get("audit");
    assertThat(audit).extracting(a -> a.get("step") + "/" + a.get("decision") + "/" + a.get("actor"))
        .containsExactly(
            "Event_SignalReceived/OPENED/cadre_dongshan",
            "Activity_VerifyHousehold/CONFIRM/cadre_dongshan",
            "Activity_AssessEligibility/IN_RANGE/system",
            "Activity_DemocraticReview/PASS/cadre_dongshan",
            "Activity_PublishNotice/PUBLISHED/system",
            "Activity_CrossCheckAssets/CLEAR/approver_county",
            "Activity_TownshipReview/APPROVE/reviewer_heping",
            "Activity_CountyApproval/APPROVE/approver_county",
            "Activity_RecordInclusion/INCLUDED/approver_county",
            "Activity_PrepareDraftPlan/DRAFTED/system");
  }

  @Test
  void everyFormReferencedByAModelIsDeployed() {
    List<String> deployed = repositoryService.createDeploymentQuery().list().stream()
        .flatMap(d -> repositoryService.getDeploymentResourceNames(d.getId()).stream()).toList();
    for (String form : List.of("AcceptApplicationForm", "VerifyHouseholdForm", "ConfirmGreenChannelForm",
        "CrossCheckAssetsForm", "DemocraticReviewForm", "TownshipReviewForm", "CountyApprovalForm",
        "DeliverMeasureForm", "DraftPlanForm", "PlanTownshipReviewForm", "PlanCountyApprovalForm",
        "FollowUpVisitForm", "ExitHomeVerificationForm", "ExitDemocraticReviewForm", "ExitTownshipReviewForm",
        "ExitCountyApprovalForm", "YearlyTrackingCheckForm")) {
      assertThat(deployed).as(form).anyMatch(name -> name.endsWith("forms/" + form + ".form"));
    }
  }
}
