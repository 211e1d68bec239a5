package org.bangfu.supportindustry;

import static org.bangfu.shared.Markdown.escape;

import java.util.List;
import org.bangfu.region.RegionService;
import org.springframework.stereotype.Component;

/**
 * What a task of SupportProjectReviewProcess says about its project, read when the task is shown: the card's title
 * and fact, and the summary its form opens with (the project, the households it benefits, the village's scores and
 * the recommendation once there are).
 */
@Component
public class ProjectBriefs {

  /** A task's words: the card's title and fact, the form's summary (Markdown). */
  public record Brief(String title, String fact, String summary) {
  }

  private final SupportProjectMapper projects;
  private final RegionService regions;

  ProjectBriefs(SupportProjectMapper projects, RegionService regions) {
    this.projects = projects;
    this.regions = regions;
  }

  /** The words of the review's task; null for a review that does not exist. */
  public Brief of(long reviewId) {
    return of(reviewId, null);
  }

  /** The words of the review's task; a measure's task ({@code measureId}) says what to do and by when. */
  public Brief of(long reviewId, Long measureId) {
    ProjectReview review = projects.findReview(reviewId);
    SupportProject p = review == null ? null : projects.find(review.projectId());
    if (p == null) {
      return null;
    }
    String place = regions.place(p.villageCode());
    String title = p.name() + " · " + place + " · 四个一批评估 " + review.reviewYear();
    String fact = ProjectCodes.label(ProjectCodes.INDUSTRY, p.industry()) + " · 运营主体 " + p.operatorName() + " · "
        + ProjectCodes.label(ProjectCodes.STATUS, p.status());
    StringBuilder md = new StringBuilder();
    md.append("#### 帮扶项目：").append(escape(p.name())).append(" · ").append(escape(place)).append(" · ")
        .append(review.reviewYear()).append("年评估\n\n");
    SupportProjects.Measure measure = measureId == null ? null : projects.findMeasure(measureId);
    if (measure != null) {
      md.append("- **本任务**：").append(escape(measure.label())).append("；期限 ").append(measure.dueDate())
          .append('\n');
    }
    md.append("- **项目库编号**：").append(escape(p.projectNo())).append("；").append(ProjectCodes.label(ProjectCodes
        .INDUSTRY, p.industry())).append("；").append(p.builtYear()).append("年建成\n");
    md.append("- **运营主体**：").append(escape(p.operatorName())).append("；")
        .append(ProjectCodes.label(ProjectCodes.STATUS, p.status())).append('\n');
    md.append("- **资金和资产**：").append(ProjectCodes.label(ProjectCodes.FUND_SOURCE, p.fundSource())).append(" ")
        .append(p.investment().toPlainString()).append(" 元；资产归").append(ProjectCodes.label(ProjectCodes.ASSET_OWNER,
            p.assetOwner())).append('\n');
    List<SupportProjectMapper.HouseholdLink> links = projects.links(p.id());
    md.append("- **联农带农**：登记带动农户 ").append(links.size()).append(" 户\n");
    if (p.category() != null) {
      md.append("- **上次分类**：").append(ProjectCodes.label(ProjectCodes.CATEGORY, p.category())).append('\n');
    }
    if (review.category() != null) {
      md.append("- **县里确定**：").append(ProjectCodes.label(ProjectCodes.CATEGORY, review.category())).append("：")
          .append(escape(review.decisionReason())).append('\n');
    }
    if (review.scoredAt() != null) {
      md.append("- **村里评估**：产业发展水平 ").append(review.development()).append("，经营管理状况 ")
          .append(review.management()).append("，项目资产收益 ").append(review.assetReturn()).append("，联农带农效果 ")
          .append(review.householdBenefit()).append("，产业发展前景 ").append(review.prospects()).append("（1—5分）\n");
      md.append("- **摸排情况**：").append(escape(review.findings())).append('\n');
      md.append("- **分类建议**：").append(escape(review.recommendation())).append('\n');
    }
    return new Brief(title, fact, md.toString());
  }
}
