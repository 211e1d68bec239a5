package org.bangfu.supportindustry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.household.Household;
import org.bangfu.household.HouseholdService;
import org.bangfu.region.CandidateGroups;
import org.bangfu.region.RegionService;
import org.bangfu.screening.RuleTables;
import org.bangfu.security.BangfuUser;
import org.bangfu.security.RegionAccess;
import org.bangfu.shared.CaseVariables;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.EngineClock;
import org.bangfu.shared.ForbiddenException;
import org.bangfu.shared.InvalidInputException;
import org.bangfu.shared.InvalidInputException.FieldError;
import org.bangfu.shared.NotFoundException;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A county's support industries and projects (seed 003): registered by its 农业农村局 (or the county), with the
 * households they benefit; reviewed every year project by project (SupportProjectReviewProcess), the village scoring
 * and the county deciding the 四个一批 class; every registration, score and class in the project's asset ledger.
 */
@Service
@org.springframework.boot.context.properties.EnableConfigurationProperties(SupportProjectProperties.class)
public class SupportProjects {

  private static final Logger LOG = LoggerFactory.getLogger(SupportProjects.class);
  static final BigDecimal MAX_INVESTMENT = new BigDecimal("10000000000");
  static final int MAX_LINKS = 5000;

  /** A project as registered (or imported). */
  public record ProjectRequest(String projectNo, String villageCode, String name, String industry,
      String operatorName, String fundSource, BigDecimal investment, String assetOwner, Integer builtYear,
      String status) {
  }

  /** A household the project benefits, and how (联农带农). */
  public record LinkRequest(Long householdId, String linkType) {
  }

  private final SupportProjectMapper projects;
  private final HouseholdService households;
  private final RegionService regions;
  private final RegionAccess access;
  private final RuleTables tables;
  private final RuntimeService runtime;
  private final ProjectSignals signals;
  private final SupportProjectProperties properties;

  public SupportProjects(SupportProjectMapper projects, HouseholdService households, RegionService regions,
      RegionAccess access, RuleTables tables, RuntimeService runtime, ProjectSignals signals,
      SupportProjectProperties properties) {
    this.projects = projects;
    this.signals = signals;
    this.properties = properties;
    this.households = households;
    this.regions = regions;
    this.access = access;
    this.tables = tables;
    this.runtime = runtime;
  }

  /** The county's 农业农村局 (it leads, seed 003 十九) and the county's 乡村振兴 office manage its projects. */
  void requireManager(BangfuUser user, String county) {
    if (!user.inGroup(CandidateGroups.department("AGRI", county)) && !user.inGroup(CandidateGroups.county(county))) {
      throw new ForbiddenException("只有本县农业农村局或县乡村振兴部门可以登记帮扶产业项目、启动年度评估");
    }
  }

  private boolean canRead(BangfuUser user, String villageCode) {
    return access.canSee(user, villageCode)
        || user.inGroup(CandidateGroups.department("AGRI", villageCode.substring(0, 6)));
  }

  /** Checks a project as registering it would (its fields, its village), without registering it. */
  public void check(ProjectRequest request) {
    List<FieldError> errors = new ArrayList<>();
    if (request == null) {
      throw InvalidInputException.of("body", "请提交项目信息");
    }
    text(errors, "projectNo", request.projectNo(), "项目库编号", 40);
    text(errors, "name", request.name(), "项目名称", 100);
    text(errors, "operatorName", request.operatorName(), "运营主体", 100);
    code(errors, "industry", request.industry(), ProjectCodes.INDUSTRY, "产业类型");
    code(errors, "fundSource", request.fundSource(), ProjectCodes.FUND_SOURCE, "资金来源");
    code(errors, "assetOwner", request.assetOwner(), ProjectCodes.ASSET_OWNER, "资产权属");
    String status = request.status() == null ? "OPERATING" : request.status();
    if (!ProjectCodes.STATUS.containsKey(status) || "RETIRED".equals(status)) {
      errors.add(new FieldError("status", "运营状态应为正常运营、停产闲置或在建（销号退出须经调整程序）"));
    }
    if (request.investment() == null || request.investment().signum() < 0
        || request.investment().compareTo(MAX_INVESTMENT) > 0 || request.investment().scale() > 2) {
      errors.add(new FieldError("investment", "投资额（元）应在0到100亿元之间，最多两位小数"));
    }
    int thisYear = EngineClock.today().getYear();
    if (request.builtYear() == null || request.builtYear() < 2013 || request.builtYear() > thisYear) {
      errors.add(new FieldError("builtYear", "建成（立项）年份应在2013年至" + thisYear + "年之间"));
    }
    String village = request.villageCode();
    if (village == null || regions.findVillage(village).isEmpty()) {
      errors.add(new FieldError("villageCode", "所在村的区划代码不是已登记的村"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  @Transactional
  public SupportProject register(ProjectRequest request, BangfuUser user) {
    // who may register at all is answered before what was sent is (no field errors for others)
    if (user.groups().stream().noneMatch(g -> g.startsWith(CandidateGroups.department("AGRI", ""))
        || g.startsWith(CandidateGroups.COUNTY))) {
      throw new ForbiddenException("只有本县农业农村局或县乡村振兴部门可以登记帮扶产业项目、启动年度评估");
    }
    check(request);
    String village = request.villageCode();
    String status = request.status() == null ? "OPERATING" : request.status();
    String county = village.substring(0, 6);
    requireManager(user, county);
    if (projects.findByNo(county, request.projectNo().trim()) != null) {
      throw new ConflictException("项目库编号 " + request.projectNo().trim() + " 已登记");
    }
    SupportProjectMapper.NewProject p = new SupportProjectMapper.NewProject();
    p.projectNo = request.projectNo().trim();
    p.countyCode = county;
    p.villageCode = village;
    p.name = request.name().trim();
    p.industry = request.industry();
    p.operatorName = request.operatorName().trim();
    p.fundSource = request.fundSource();
    p.investment = request.investment();
    p.assetOwner = request.assetOwner();
    p.builtYear = request.builtYear();
    p.status = status;
    p.createdBy = user.id();
    p.at = EngineClock.now();
    projects.insert(p);
    projects.insertLedger(p.id, "REGISTERED", "登记：" + p.name + "（" + ProjectCodes.label(ProjectCodes.INDUSTRY,
        p.industry) + "，" + ProjectCodes.label(ProjectCodes.FUND_SOURCE, p.fundSource) + " " + p.investment
        .toPlainString() + " 元，资产归" + ProjectCodes.label(ProjectCodes.ASSET_OWNER, p.assetOwner) + "，"
        + ProjectCodes.label(ProjectCodes.STATUS, status) + "）", user.id(), p.at);
    return projects.find(p.id);
  }

  /** Replaces the households the project benefits; each must be of the project's county. */
  @Transactional
  public List<SupportProjectMapper.HouseholdLink> link(long id, List<LinkRequest> links, BangfuUser user) {
    SupportProject project = get(id, user);
    requireManager(user, project.countyCode());
    List<FieldError> errors = new ArrayList<>();
    List<LinkRequest> given = links == null ? List.of() : links;
    if (given.size() > MAX_LINKS) {
      throw InvalidInputException.of("households", "一个项目一次最多登记 " + MAX_LINKS + " 户带动农户");
    }
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      LinkRequest link = given.get(i);
      if (link == null || link.householdId() == null) {
        errors.add(new FieldError("[" + i + "].householdId", "请指定农户"));
        continue;
      }
      code(errors, "[" + i + "].linkType", link.linkType(), ProjectCodes.LINK, "联农带农方式");
      Household household;
      try {
        household = households.find(link.householdId());
      } catch (NotFoundException e) {
        household = null;
      }
      if (household == null || !household.getVillageCode().startsWith(project.countyCode())) {
        errors.add(new FieldError("[" + i + "].householdId", "农户不存在，或不在本县"));
      } else if (!seen.add(link.householdId())) {
        errors.add(new FieldError("[" + i + "].householdId", "同一农户重复"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    projects.deleteLinks(id);
    given.forEach(l -> projects.insertLink(id, l.householdId(), l.linkType()));
    projects.insertLedger(id, "LINKED", "带动农户 " + given.size() + " 户", user.id(), EngineClock.now());
    return projects.links(id);
  }

  /**
   * The year's review (逐村梳理摸排): one SupportProjectReviewProcess for each project of the county still run that
   * has none this year. Returns how many were started.
   */
  @Transactional
  public int startReviews(String county, int year, BangfuUser user) {
    if (county == null || !county.matches("\\d{6}")) {
      throw InvalidInputException.of("countyCode", "县级区划代码应为6位数字");
    }
    requireManager(user, county);
    int thisYear = EngineClock.today().getYear();
    if (year < thisYear - 1 || year > thisYear) {
      throw InvalidInputException.of("year", "评估年度应为今年或上一年");
    }
    int started = 0;
    for (SupportProject project : projects.toReview(county, year)) {
      SupportProjectMapper.NewReview review = new SupportProjectMapper.NewReview();
      review.projectId = project.id();
      review.reviewYear = year;
      projects.insertReview(review);
      Map<String, Object> variables = new HashMap<>();
      variables.put(ProjectReviewProcess.REVIEW_ID.name(), review.id);
      variables.put(CaseVariables.VILLAGE_CODE.name(), project.villageCode());
      variables.put(CaseVariables.TOWNSHIP_CODE.name(), project.villageCode().substring(0, 9));
      variables.put(CaseVariables.COUNTY_CODE.name(), project.countyCode());
      String instance = runtime.startProcessInstanceByKey(ProjectReviewProcess.KEY, "CY-" + year + "-"
          + String.format("%06d", project.id()), variables).getId();
      projects.setReviewProcess(review.id, instance);
      started++;
    }
    LOG.info("support projects of county {}: {} reviews of {} started by {}", county, started, year, user.id());
    return started;
  }

  /** The village's scores: kept, and the decision table's recommendation with them. */
  public String recordScores(long reviewId, SupportProjectMapper.Scores scores, BigDecimal revenue,
      Integer householdsBenefiting, boolean idle, String findings, String actor) {
    ProjectReview review = review(reviewId);
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("development", scores.development());
    inputs.put("management", scores.management());
    inputs.put("assetReturn", scores.assetReturn());
    inputs.put("householdBenefit", scores.householdBenefit());
    inputs.put("prospects", scores.prospects());
    inputs.put("idle", idle);
    DmnDecisionResultEntries result = tables.latest(ProjectReviewProcess.DECISION).evaluate(inputs)
        .getFirstResult();
    // a table a process owner edited may give no row for these scores: no recommendation, the county decides
    String category = result == null ? null : (String) result.get("category");
    String reason = result == null ? "决策表没有给出分类建议，请县里研判" : (String) result.get("reason");
    projects.recordScores(reviewId, scores, revenue, householdsBenefiting, idle,
        findings == null ? null : findings.trim(), actor, EngineClock.now(), category, reason);
    projects.insertLedger(review.projectId(), "SCORED", review.reviewYear() + "年评估：产业发展水平 "
        + scores.development() + "、经营管理状况 " + scores.management() + "、项目资产收益 " + scores.assetReturn()
        + "、联农带农效果 " + scores.householdBenefit() + "、产业发展前景 " + scores.prospects() + (idle ? "；停产闲置" : "")
        + "；" + reason, actor, EngineClock.now());
    return category;
  }

  /** The county's class for the year, with its reason; it becomes the project's class and is in the ledger. */
  public void recordDecision(long reviewId, String category, String reason, String actor) {
    ProjectReview review = review(reviewId);
    if (!ProjectCodes.CATEGORY.containsKey(category)) {
      throw new org.bangfu.engine.InvalidDecisionException(ProjectReviewProcess.PROJECT_CATEGORY.name(),
          "请选择巩固、升级、盘活或调整一批");
    }
    if (reason == null || reason.strip().isEmpty()) {
      throw new org.bangfu.engine.InvalidDecisionException(ProjectReviewProcess.CATEGORY_REASON.name(),
          "请填写“研判理由”");
    }
    projects.recordDecision(reviewId, category, reason.trim(), actor, EngineClock.now());
    projects.setCategory(review.projectId(), category, EngineClock.now());
    projects.insertLedger(review.projectId(), "CLASSIFIED", review.reviewYear() + "年确定为"
        + ProjectCodes.label(ProjectCodes.CATEGORY, category) + "（评估建议："
        + (review.recommended() == null ? "无" : ProjectCodes.label(ProjectCodes.CATEGORY, review.recommended()))
        + "）：" + reason.trim(), actor,
        EngineClock.now());
  }

  /** A measure of a class, as the review's step issues it. */
  public record Measure(Long id, Long reviewId, Long projectId, String measureCode, String label, String department,
      java.time.LocalDate dueDate, String status, String result, String doneBy, java.time.LocalDateTime doneAt) {
  }

  /**
   * The class's measures (SupportProjectMeasures.dmn), each with its department and due date; a project classified
   * 调整一批 (it cannot go on, and does not lift its households) sends each household it benefits into identification
   * (因产业项目失败), or, with a case open, adds the signal to it for its cadre to re-assess.
   */
  public List<Long> issueMeasures(long reviewId, String actor) {
    ProjectReview review = review(reviewId);
    SupportProject project = projects.find(review.projectId());
    List<Long> ids = new ArrayList<>();
    for (Map<String, Object> row : tables.latest(ProjectReviewProcess.MEASURES_DECISION)
        .evaluate(Map.of("category", review.category())).getResultList()) {
      int days = ((Number) row.get("days")).intValue();
      SupportProjectMapper.NewMeasure measure = new SupportProjectMapper.NewMeasure();
      measure.reviewId = reviewId;
      measure.projectId = project.id();
      measure.code = (String) row.get("measure");
      measure.label = (String) row.get("label");
      measure.department = (String) row.get("department");
      measure.dueDate = EngineClock.today().plusDays(days);
      projects.insertMeasure(measure);
      ids.add(measure.id);
    }
    projects.insertLedger(project.id(), "MEASURES", "下达" + ProjectCodes.label(ProjectCodes.CATEGORY,
        review.category()) + "措施 " + ids.size() + " 项", actor, EngineClock.now());
    if ("ADJUST".equals(review.category())) {
      signals.signalHouseholds(project, projects.links(project.id()), review.decisionReason(), actor);
    }
    return ids;
  }

  /** The review's measures, for its multi-instance (a model's read: ModelCodePolicy lists it). */
  public List<Long> measureIds(Long reviewId) {
    return reviewId == null ? List.of() : projects.measureIdsOf(reviewId);
  }

  public Measure measure(long id) {
    Measure measure = projects.findMeasure(id);
    if (measure == null) {
      throw new IllegalStateException("project measure " + id + " does not exist");
    }
    return measure;
  }

  /** What the department recorded; in the project's ledger. */
  public void recordMeasure(long id, String outcome, String result, String actor) {
    Measure measure = measure(id);
    projects.recordMeasure(id, outcome, result == null ? null : result.trim(), actor, EngineClock.now());
    projects.insertLedger(measure.projectId(), "MEASURE", measure.label() + " — "
        + ("DELIVERED".equals(outcome) ? "已落实" : "无法落实") + "：" + (result == null ? "" : result.trim()), actor,
        EngineClock.now());
  }

  // --- 调整、销号退出: the decision procedure (seed 003 二（四）)

  /**
   * The village's deliberation (村民代表会议, 村民委员会组织法 第二十六条): it sits only with two thirds of its
   * members present, and an adjustment or retirement needs more than half of those present; a meeting that does not
   * agree keeps the project. Kept in the ledger.
   */
  public void recordDeliberation(long reviewId, String outcome, String plan, String date, Long members,
      Long attendees, Long agreed, String actor) {
    ProjectReview review = review(reviewId);
    try {
      if (java.time.LocalDate.parse(date).isAfter(EngineClock.today())) {
        throw new org.bangfu.engine.InvalidDecisionException(ProjectReviewProcess.DELIBERATION_DATE.name(),
            "会议日期不能晚于今天");
      }
    } catch (java.time.format.DateTimeParseException | NullPointerException e) {
      throw new org.bangfu.engine.InvalidDecisionException(ProjectReviewProcess.DELIBERATION_DATE.name(),
          "会议日期不是有效的日期（例如 2026-12-01）");
    }
    String present = ProjectReviewProcess.DELIBERATION_ATTENDEES.name();
    if (members == null || members < 1 || attendees == null || attendees > members) {
      throw new org.bangfu.engine.InvalidDecisionException(present, "到会人数应在1到组成人员数之间");
    }
    if (attendees * 3 < members * 2) {
      throw new org.bangfu.engine.InvalidDecisionException(present, "到会人数（" + attendees + "/" + members
          + "）不足组成人员的三分之二，会议不能召开：请另行召开后再登记");
    }
    String field = ProjectReviewProcess.DELIBERATION_AGREED.name();
    if (attendees == null || attendees < 1 || agreed == null || agreed < 0 || agreed > attendees) {
      throw new org.bangfu.engine.InvalidDecisionException(field, "同意人数应在0到到会人数之间");
    }
    boolean majority = agreed * 2 > attendees;
    if (!"KEEP".equals(outcome) && !majority) {
      throw new org.bangfu.engine.InvalidDecisionException(field, "同意人数（" + agreed + "/" + attendees
          + "）未过到会人数半数，不能调整或销号退出：请选择“不同意调整，继续经营”");
    }
    String what = switch (outcome) {
      case "ADJUST_TO_NEW" -> "同意调整为新产业";
      case "RETIRE" -> "同意销号退出";
      default -> "不同意调整，继续经营";
    };
    projects.insertLedger(review.projectId(), "DELIBERATED", "村民代表会议（" + date + "，组成人员 " + members + " 人，到会 " + attendees + " 人，同意 "
        + agreed + " 人）" + what + "：" + plan.trim(), actor, EngineClock.now());
  }

  /** An approval of the township or the county, or its return to the village, in the ledger. */
  public void recordApproval(long reviewId, String level, String decision, String reason, String actor) {
    ProjectReview review = review(reviewId);
    projects.insertLedger(review.projectId(), "APPROVAL", level + ("APPROVE".equals(decision) ? "审核同意"
        : "退回村里重新议定") + (reason == null || reason.isBlank() ? "" : "：" + reason.trim()), actor, EngineClock.now());
  }

  /** The approved adjustment is publicly noticed: the notice's duration for the model's timer. */
  public String publishNotice(long reviewId, String outcome, String plan) {
    ProjectReview review = review(reviewId);
    projects.insertLedger(review.projectId(), "NOTICE", "公示" + properties.noticeDays() + "天："
        + ("RETIRE".equals(outcome) ? "销号退出" : "调整为新产业") + "，" + plan.trim(), "system", EngineClock.now());
    return properties.noticeIso();
  }

  /**
   * An objection raised while an adjustment is noticed (公示期间有异议), registered by someone who may read the
   * project: kept in the ledger, and the procedure goes back to the villagers' meeting, which sees it.
   */
  @Transactional
  public void raiseObjection(long projectId, String content, BangfuUser user) {
    SupportProject project = get(projectId, user);
    // the project's own village, township or county, or the county's 农业农村局 (readers such as supervisors do not)
    String village = project.villageCode();
    if (!user.inGroup(CandidateGroups.village(village)) && !user.inGroup(CandidateGroups.township(
        village.substring(0, 9))) && !user.inGroup(CandidateGroups.county(project.countyCode()))
        && !user.inGroup(CandidateGroups.department("AGRI", project.countyCode()))) {
      throw new ForbiddenException("公示异议由村、乡镇、县级或县农业农村局的人员登记");
    }
    if (content == null || content.isBlank() || content.strip().length() > 1000) {
      throw InvalidInputException.of("content", "请填写异议内容（不超过1000字）");
    }
    String noticed = noticedIn(projectId)
        .orElseThrow(() -> new ConflictException("该项目当前不在调整公示期，不能登记公示异议"));
    projects.insertLedger(projectId, "OBJECTION", "公示期间有异议，退回村民代表会议重新议定：" + content.strip(), user.id(),
        EngineClock.now());
    runtime.createMessageCorrelation(ProjectReviewProcess.MESSAGE_OBJECTION)
        .processInstanceId(noticed)
        .setVariable(ProjectReviewProcess.ADJUSTMENT_OBJECTION.name(), content.strip())
        .correlate();
  }

  /** Whether the project's adjustment is being noticed now (objections may be registered). */
  public boolean inNotice(long projectId, BangfuUser user) {
    get(projectId, user);
    return noticedIn(projectId).isPresent();
  }

  /** The process instance whose adjustment notice runs (of the latest review, unless an adjustment runs late). */
  private java.util.Optional<String> noticedIn(long projectId) {
    return projects.reviewsOf(projectId).stream().map(ProjectReview::processInstanceId)
        .filter(java.util.Objects::nonNull)
        .filter(instance -> runtime.createExecutionQuery().processInstanceId(instance)
            .messageEventSubscriptionName(ProjectReviewProcess.MESSAGE_OBJECTION).count() > 0)
        .findFirst();
  }

  /**
   * After the notice: a retired project is 销号退出 (kept, never deleted, its assets to be disposed of by the ledger's
   * procedure); an adjusted one keeps its record with the new plan in the ledger.
   */
  public void recordAdjustment(long reviewId, String outcome, String plan) {
    ProjectReview review = review(reviewId);
    if ("RETIRE".equals(outcome)) {
      projects.setStatus(review.projectId(), "RETIRED", EngineClock.now());
    }
    projects.insertLedger(review.projectId(), "RETIRE".equals(outcome) ? "RETIRED" : "ADJUSTED",
        ("RETIRE".equals(outcome) ? "公示期满，销号退出（项目和资产记录保留，资产按程序处置）：" : "公示期满，调整为新产业：")
            + plan.trim(), "system", EngineClock.now());
  }

  public List<Measure> measuresOf(long projectId, BangfuUser user) {
    get(projectId, user);
    return projects.measuresOf(projectId);
  }

  // --- reading

  public SupportProject get(long id, BangfuUser user) {
    SupportProject project = projects.find(id);
    if (project == null || !canRead(user, project.villageCode())) {
      throw new NotFoundException("帮扶项目不存在，或不在您的辖区内");
    }
    return project;
  }

  public List<SupportProject> inRegion(String region, BangfuUser user) {
    boolean agri = region != null && region.matches("\\d{6}|\\d{9}|\\d{12}")
        && user.inGroup(CandidateGroups.department("AGRI", region.substring(0, 6)));
    if (!agri) {
      access.requireRegionScope(user, region);
    }
    return projects.inRegion(region);
  }

  /** The county's villages (乡镇村 names), where its managers register projects. */
  public List<Map<String, String>> villagesOf(String county, BangfuUser user) {
    if (county == null || !county.matches("\\d{6}")) {
      throw InvalidInputException.of("countyCode", "县级区划代码应为6位数字");
    }
    requireManager(user, county);
    return regions.villages().stream().filter(v -> v.code().startsWith(county))
        .map(v -> Map.of("code", v.code(), "name", regions.place(v.code()))).toList();
  }

  /** A project of a list with its latest review (null before the first) and its words. */
  public record ProjectLine(SupportProject project, ProjectReview latestReview, String place, String industryLabel,
      String statusLabel, String categoryLabel, String recommendedLabel) {
  }

  /** The region's projects, each with its latest review, as the county's page lists them. */
  public List<ProjectLine> lines(String region, BangfuUser user) {
    List<SupportProject> list = inRegion(region, user);
    Map<Long, ProjectReview> latest = new HashMap<>();
    projects.latestReviews(region).forEach(r -> latest.put(r.projectId(), r));
    Map<String, String> places = new HashMap<>();
    return list.stream().map(p -> {
      ProjectReview review = latest.get(p.id());
      return new ProjectLine(p, review, places.computeIfAbsent(p.villageCode(), regions::place),
          ProjectCodes.label(ProjectCodes.INDUSTRY, p.industry()), ProjectCodes.label(ProjectCodes.STATUS, p.status()),
          p.category() == null ? null : ProjectCodes.label(ProjectCodes.CATEGORY, p.category()),
          review == null || review.recommended() == null ? null
              : ProjectCodes.label(ProjectCodes.CATEGORY, review.recommended()));
    }).toList();
  }

  /** A project that needs watching, with why (建而不成、成而不用、用而不好). */
  public record Warning(ProjectLine line, List<String> kinds, List<String> reasons) {
  }

  public static final Map<String, String> WARNING_KINDS = Map.of("NOT_BUILT", "建而不成", "NOT_USED", "成而不用",
      "POORLY_USED", "用而不好");

  /**
   * The region's projects still run that SupportProjectWarnings.dmn warns about, from their registered state and
   * their latest review (例 thresholds the county sets).
   */
  public List<Warning> warnings(String region, BangfuUser user) {
    List<Warning> warnings = new ArrayList<>();
    int year = EngineClock.today().getYear();
    RuleTables.Table table = tables.latest(ProjectReviewProcess.WARNING_DECISION);
    for (ProjectLine line : lines(region, user)) {
      SupportProject p = line.project();
      if ("RETIRED".equals(p.status())) {
        continue;
      }
      ProjectReview r = line.latestReview();
      Map<String, Object> inputs = new HashMap<>();
      inputs.put("status", p.status());
      inputs.put("yearsSinceBuilt", year - p.builtYear());
      inputs.put("idle", r != null && Boolean.TRUE.equals(r.idle()));
      inputs.put("assetReturn", r == null ? null : r.assetReturn());
      inputs.put("householdBenefit", r == null ? null : r.householdBenefit());
      inputs.put("revenue", r == null || r.revenue() == null ? null : r.revenue().doubleValue());
      List<String> kinds = new ArrayList<>();
      List<String> reasons = new ArrayList<>();
      for (Map<String, Object> row : table.evaluate(inputs).getResultList()) {
        String kind = WARNING_KINDS.get((String) row.get("warning"));
        if (!kinds.contains(kind)) {
          kinds.add(kind);
        }
        reasons.add((String) row.get("reason"));
      }
      if (!kinds.isEmpty()) {
        warnings.add(new Warning(line, kinds, reasons));
      }
    }
    return warnings;
  }

  /**
   * The households the project benefits that the reader may see: a project of one village may benefit households of
   * others, whose names are for their own region (and the county's managers) only.
   */
  public List<SupportProjectMapper.HouseholdLink> links(long id, BangfuUser user) {
    SupportProject project = get(id, user);
    boolean manager = user.inGroup(CandidateGroups.department("AGRI", project.countyCode()));
    return projects.links(id).stream().filter(l -> manager || access.canSee(user, l.villageCode())).toList();
  }

  public List<ProjectReview> reviews(long id, BangfuUser user) {
    get(id, user);
    return projects.reviewsOf(id);
  }

  public List<SupportProjectMapper.LedgerEntry> ledger(long id, BangfuUser user) {
    get(id, user);
    return projects.ledger(id);
  }

  ProjectReview review(long reviewId) {
    ProjectReview review = projects.findReview(reviewId);
    if (review == null) {
      throw new IllegalStateException("project review " + reviewId + " does not exist");
    }
    return review;
  }

  /** A project and its review, for a task's words. */
  SupportProject projectOfReview(long reviewId) {
    return projects.find(review(reviewId).projectId());
  }

  private static void text(List<FieldError> errors, String field, String value, String label, int max) {
    if (value == null || value.strip().isEmpty()) {
      errors.add(new FieldError(field, "请填写" + label));
    } else if (value.trim().length() > max) {
      errors.add(new FieldError(field, label + "不能超过" + max + "个字"));
    }
  }

  private static void code(List<FieldError> errors, String field, String value, Map<String, String> codes,
      String label) {
    if (value == null || !codes.containsKey(value)) {
      errors.add(new FieldError(field, label + "应为：" + String.join("、", codes.values())));
    }
  }
}
