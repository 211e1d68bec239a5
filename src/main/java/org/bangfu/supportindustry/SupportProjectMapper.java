package org.bangfu.supportindustry;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface SupportProjectMapper {

  int insert(@Param("p") NewProject project);

  SupportProject find(@Param("id") long id);

  SupportProject findByNo(@Param("county") String county, @Param("projectNo") String projectNo);

  List<SupportProject> inRegion(@Param("regionPrefix") String regionPrefix);

  /** The county's projects still run (not 销号退出) that have no review of the year yet. */
  List<SupportProject> toReview(@Param("county") String county, @Param("year") int year);

  int setCategory(@Param("id") long id, @Param("category") String category, @Param("at") LocalDateTime at);

  int setStatus(@Param("id") long id, @Param("status") String status, @Param("at") LocalDateTime at);

  int deleteLinks(@Param("projectId") long projectId);

  int insertLink(@Param("projectId") long projectId, @Param("householdId") long householdId,
      @Param("linkType") String linkType);

  List<HouseholdLink> links(@Param("projectId") long projectId);

  int insertReview(@Param("r") NewReview review);

  ProjectReview findReview(@Param("id") long id);

  List<ProjectReview> reviewsOf(@Param("projectId") long projectId);

  /** Each project's latest review, for the projects of a region. */
  List<ProjectReview> latestReviews(@Param("regionPrefix") String regionPrefix);

  int setReviewProcess(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

  int recordScores(@Param("id") long id, @Param("s") Scores scores, @Param("revenue") BigDecimal revenue,
      @Param("households") Integer households, @Param("idle") boolean idle, @Param("findings") String findings,
      @Param("by") String by, @Param("at") LocalDateTime at, @Param("recommended") String recommended,
      @Param("recommendation") String recommendation);

  int recordDecision(@Param("id") long id, @Param("category") String category, @Param("reason") String reason,
      @Param("by") String by, @Param("at") LocalDateTime at);

  int insertLedger(@Param("projectId") long projectId, @Param("entry") String entry, @Param("detail") String detail,
      @Param("actor") String actor, @Param("at") LocalDateTime at);

  List<LedgerEntry> ledger(@Param("projectId") long projectId);

  int insertMeasure(@Param("m") NewMeasure measure);

  List<Long> measureIdsOf(@Param("reviewId") long reviewId);

  SupportProjects.Measure findMeasure(@Param("id") long id);

  List<SupportProjects.Measure> measuresOf(@Param("projectId") long projectId);

  int recordMeasure(@Param("id") long id, @Param("status") String status, @Param("result") String result,
      @Param("by") String by, @Param("at") LocalDateTime at);

  /** A household a project benefits, and how. */
  record HouseholdLink(Long householdId, String headName, String villageCode, String linkType) {
  }

  /** An entry of the project's asset ledger (扶贫项目资产台账). */
  record LedgerEntry(Long id, String entry, String detail, String actor, LocalDateTime createdAt) {
  }

  /** The five dimensions, 1–5 each. */
  record Scores(int development, int management, int assetReturn, int householdBenefit, int prospects) {
  }

  class NewProject {
    public Long id;
    public String projectNo;
    public String countyCode;
    public String villageCode;
    public String name;
    public String industry;
    public String operatorName;
    public String fundSource;
    public BigDecimal investment;
    public String assetOwner;
    public int builtYear;
    public String status;
    public String createdBy;
    public LocalDateTime at;
  }

  class NewMeasure {
    public Long id;
    public long reviewId;
    public long projectId;
    public String code;
    public String label;
    public String department;
    public java.time.LocalDate dueDate;
  }

  class NewReview {
    public Long id;
    public long projectId;
    public int reviewYear;
  }
}
