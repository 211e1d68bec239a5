package org.bangfu.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.bangfu.casefile.CaseFile;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.catalogue.RiskType;
import org.bangfu.household.Household;
import org.bangfu.household.HouseholdService;
import org.bangfu.identification.IdentificationProperties;
import org.bangfu.region.CandidateGroups;
import org.bangfu.security.BangfuUser;
import org.bangfu.security.RegionAccess;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.EngineClock;
import org.bangfu.shared.InvalidInputException;
import org.bangfu.shared.InvalidInputException.FieldError;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * Opening a case without a database: what a signal must say, who may open one for which household, and that a
 * refused signal writes nothing (the integration tests check the same on MariaDB through the API).
 */
class CaseOpeningTest {

  static final String DONGSHAN = "629901100201";
  static final BangfuUser CADRE = new BangfuUser("cadre_dongshan", List.of(CandidateGroups.village(DONGSHAN)));
  static final BangfuUser OTHER_CADRE = new BangfuUser("cadre_liushu",
      List.of(CandidateGroups.village("629901101201")));

  final HouseholdService households = mock(HouseholdService.class);
  final CaseFileService caseFiles = mock(CaseFileService.class);
  final RuntimeService runtimeService = mock(RuntimeService.class);
  CaseOpening opening;

  @BeforeEach
  void setUp() {
    opening = new CaseOpening(households, caseFiles, runtimeService, new RegionAccess(),
        new IdentificationProperties(20, false, Duration.ofDays(7), List.of(RiskType.DISASTER, RiskType.ACCIDENT),
            List.of(org.bangfu.catalogue.MeasureCode.DISASTER)), new org.bangfu.shared.WorkingDayCalendar());
    Household household = new Household();
    household.setId(7L);
    household.setHeadName("张三");
    household.setVillageCode(DONGSHAN);
    when(households.find(7L)).thenReturn(household);
  }

  @Test
  void aCadreOpensACaseOfTheirVillageAndItsProcessStartsWithTheRegion() {
    CaseFile caseFile = new CaseFile();
    caseFile.setId(11L);
    caseFile.setBusinessKey("BF629901-2026-000011");
    caseFile.setHouseholdId(7L);
    caseFile.setVillageCode(DONGSHAN);
    caseFile.setRiskTypes("ILLNESS");
    when(caseFiles.open(eq(7L), eq(DONGSHAN), eq("CADRE_SCREENING"), eq("ILLNESS"), any(), any(), eq("cadre_dongshan"),
        any())).thenReturn(caseFile);
    ProcessInstance instance = mock(ProcessInstance.class);
    when(instance.getId()).thenReturn("pi-1");
    when(runtimeService.startProcessInstanceByKey(eq(AssistanceCase.KEY), eq("BF629901-2026-000011"),
        any(VariableMap.class))).thenReturn(instance);

    assertThat(opening.open(OpenCase.cadreScreening(7L, List.of("ILLNESS")), CADRE)).isSameAs(caseFile);

    ArgumentCaptor<VariableMap> variables = ArgumentCaptor.forClass(VariableMap.class);
    verify(runtimeService).startProcessInstanceByKey(eq(AssistanceCase.KEY), eq("BF629901-2026-000011"),
        variables.capture());
    assertThat(variables.getValue()).containsEntry("caseId", 11L).containsEntry("villageCode", DONGSHAN)
        .containsEntry("townshipCode", "629901100").containsEntry("countyCode", "629901")
        .containsEntry("channel", "CADRE_SCREENING").containsEntry("greenChannelRequested", false);
    verify(caseFiles).audit(eq(11L), eq("Event_SignalReceived"), anyString(), eq("OPENED"), anyString(),
        eq("cadre_dongshan"), any());
    verify(caseFiles).attachProcess(caseFile, "pi-1");
  }

  @Test
  @org.bangfu.policy.PolicyRule("R11")
  void theDeadlineCountsCalendarOrWorkingDaysAsTheProvinceDoes() {
    CaseFile caseFile = new CaseFile();
    caseFile.setId(12L);
    caseFile.setBusinessKey("BF629901-2026-000012");
    caseFile.setHouseholdId(7L);
    caseFile.setVillageCode(DONGSHAN);
    caseFile.setRiskTypes("ILLNESS");
    when(caseFiles.open(any(), any(), any(), any(), any(), any(), any(), any())).thenReturn(caseFile);
    ProcessInstance instance = mock(ProcessInstance.class);
    when(instance.getId()).thenReturn("pi-2");
    when(runtimeService.startProcessInstanceByKey(any(), any(), any(VariableMap.class))).thenReturn(instance);
    org.bangfu.shared.WorkingDayCalendar calendar = new org.bangfu.shared.WorkingDayCalendar();
    CaseOpening workingDays = new CaseOpening(households, caseFiles, runtimeService, new RegionAccess(),
        new IdentificationProperties(20, true, Duration.ofDays(5), List.of(RiskType.DISASTER),
            List.of(org.bangfu.catalogue.MeasureCode.DISASTER)), calendar);

    opening.open(OpenCase.cadreScreening(7L, List.of("ILLNESS")), CADRE);
    workingDays.open(OpenCase.cadreScreening(7L, List.of("ILLNESS")), CADRE);

    ArgumentCaptor<java.time.LocalDate> deadlines = ArgumentCaptor.forClass(java.time.LocalDate.class);
    verify(caseFiles, org.mockito.Mockito.times(2)).open(any(), any(), any(), any(), any(), deadlines.capture(), any(),
        any());
    java.time.LocalDate today = org.bangfu.shared.EngineClock.today();
    assertThat(deadlines.getAllValues()).containsExactly(today.plusDays(20), calendar.plusWorkingDays(today, 20));
  }

  @Test
  void aHouseholdOutsideTheUsersVillageIsAnsweredAsUnknownAndNothingIsWritten() {
    assertThatThrownBy(() -> opening.open(OpenCase.cadreScreening(7L, List.of("ILLNESS")), OTHER_CADRE))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(FieldError::field)
            .containsExactly("householdId"));
    verifyNoInteractions(caseFiles, runtimeService);
  }

  @Test
  void everyWrongFieldIsNamedAtOnceAndNothingIsWritten() {
    OpenCase wrong = new OpenCase(7L, "SELF_APPLICATION", List.of("ILLNESS", "LOTTERY"),
        EngineClock.today().plusDays(3), null, null, null, null, new BigDecimal("-1"), null, true, List.of("NOTHING"),
        null, null);

    assertThatThrownBy(() -> opening.open(wrong, CADRE)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(FieldError::field)
            .contains("riskTypes", "signalDate", "medicalSelfPay", "urgentMeasures", "urgent"));
    verifyNoInteractions(caseFiles, runtimeService);
  }

  @Test
  void aDepartmentSignalNeedsTheDepartmentsData() {
    OpenCase withoutData = new OpenCase(7L, "DEPARTMENT_SIGNAL", List.of("ILLNESS"), null, null, null, null, null,
        null, null, false, List.of(), null, null);

    assertThatThrownBy(() -> opening.open(withoutData, CADRE)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(FieldError::field)
            .containsExactly("signal"));
  }

  @Test
  void aSecondOpenCaseOfTheHouseholdIsRefused() {
    when(caseFiles.hasOpenCase(7L)).thenReturn(true);

    assertThatThrownBy(() -> opening.open(OpenCase.cadreScreening(7L, List.of("ILLNESS")), CADRE))
        .isInstanceOf(ConflictException.class).hasMessageContaining("已有正在识别或监测中的案件");
    verify(caseFiles, never()).open(any(), any(), any(), any(), any(), any(), any(), any());
    verifyNoInteractions(runtimeService);
  }

  @Test
  void aDepartmentPushCarriesItsRowAndTheFactsItsRiskImplies() {
    OpenCase push = OpenCase.departmentPush(7L, "HOUSING",
        new OpenCase.DepartmentSignal("HOUSING", "危房", "C级危房", null), null, 42L);

    assertThat(push.channel()).isEqualTo("DEPARTMENT_SIGNAL");
    assertThat(push.pushRecordId()).isEqualTo(42L);
    assertThat(push.unsafeHousing()).isTrue();
    assertThat(push.unsafeWater()).isFalse();
    assertThat(push.urgent()).isFalse();
  }
}
