package org.bangfu.model;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bangfu.exit.ExitReview;
import org.bangfu.identification.RiskIdentification;
import org.bangfu.lifecycle.AssistanceCase;
import org.bangfu.measure.MeasureDelivery;
import org.bangfu.measure.MeasureImplementation;
import org.bangfu.plan.HouseholdPlan;
import org.bangfu.screening.PeriodicScreening;
import org.bangfu.shared.CaseVariables;
import org.bangfu.shared.Var;

/** Every process variable the application declares (one constants class per process). */
public final class ProcessVariables {

  public static final Set<String> NAMES = Stream.of(CaseVariables.ALL, RiskIdentification.ALL, MeasureDelivery.ALL,
      AssistanceCase.ALL, HouseholdPlan.ALL, MeasureImplementation.ALL, ExitReview.ALL, PeriodicScreening.ALL,
      org.bangfu.approval.TaskReturn.ALL, org.bangfu.incomesupport.IncomeSupport.ALL,
      org.bangfu.supportindustry.ProjectReviewProcess.ALL)
      .flatMap(List::stream).map(Var::name).collect(Collectors.toUnmodifiableSet());

  private ProcessVariables() {
  }
}
