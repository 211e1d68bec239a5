package org.bangfu.workers.supportindustry;

import static org.bangfu.supportindustry.ProjectReviewProcess.MEASURE_DEPARTMENT;
import static org.bangfu.supportindustry.ProjectReviewProcess.MEASURE_ID;

import java.time.ZoneId;
import java.util.Date;
import org.bangfu.measure.MeasureDelivery;
import org.bangfu.supportindustry.SupportProjects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_PrepareProjectMeasure: the measure's department takes the task, due on the measure's date. */
@Component
public class PrepareProjectMeasureDelegate implements JavaDelegate {

  private final SupportProjects projects;

  public PrepareProjectMeasureDelegate(SupportProjects projects) {
    this.projects = projects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SupportProjects.Measure measure = projects.measure(MEASURE_ID.get(execution));
    MEASURE_DEPARTMENT.set(execution, measure.department());
    MeasureDelivery.MEASURE_DUE_DATE.set(execution, Date.from(measure.dueDate().atTime(18, 0)
        .atZone(ZoneId.systemDefault()).toInstant()));
  }
}
