package org.bangfu.supportindustry;

import java.util.List;
import org.bangfu.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The county's support industries and projects: registered and their households linked by its 农业农村局 (or the
 * county), read by region like the cases; the year's 四个一批 review started here, worked through in Tasklist.
 */
@RestController
@RequestMapping("/api/support-projects")
public class SupportProjectController {

  /** The start of a year's review for a county. */
  public record ReviewStart(String countyCode, Integer year) {
  }

  /** A project with its households, its reviews and its asset ledger; whether its adjustment is being noticed. */
  public record ProjectDetail(SupportProject project, List<SupportProjectMapper.HouseholdLink> households,
      List<ProjectReview> reviews, List<SupportProjects.Measure> measures, List<LedgerLine> ledger,
      boolean inNotice) {
  }

  /** A ledger entry with who made it by name (王建国（东山村）). */
  public record LedgerLine(String entry, String detail, String actor, String actorName,
      java.time.LocalDateTime createdAt) {
  }

  /** The region's projects to watch: 建而不成、成而不用、用而不好, with why (the supervisors' dashboard). */
  @GetMapping("/warnings")
  public List<SupportProjects.Warning> warnings(@RequestParam(required = false) String region) {
    return projects.warnings(region, currentUser.get());
  }

  /** The county's projects from an XLSX or CSV file, all or nothing (the layout: template.csv). */
  @PostMapping(path = "/import", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
  public ProjectImports.Result load(@RequestParam(required = false) String countyCode,
      @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file)
      throws java.io.IOException {
    if (file == null || file.isEmpty()) {
      throw org.bangfu.shared.InvalidInputException.of("file", "请选择要导入的项目文件");
    }
    return imports.load(countyCode, file.getOriginalFilename(), file.getInputStream(), currentUser.get());
  }

  @GetMapping("/template.csv")
  public ResponseEntity<byte[]> template() {
    return ResponseEntity.ok().contentType(new org.springframework.http.MediaType("text", "csv",
            java.nio.charset.StandardCharsets.UTF_8))
        .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"support-projects-template.csv\"")
        .body(ProjectImports.template().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The county's villages, for its managers registering a project. */
  @GetMapping("/villages")
  public List<java.util.Map<String, String>> villages(@RequestParam(required = false) String countyCode) {
    return projects.villagesOf(countyCode, currentUser.get());
  }

  /** The codes and their words, for the page's choices. */
  @GetMapping("/codes")
  public java.util.Map<String, java.util.Map<String, String>> codes() {
    java.util.Map<String, String> departments = new java.util.LinkedHashMap<>();
    for (org.bangfu.catalogue.Department d : org.bangfu.catalogue.Department.values()) {
      departments.put(d.name(), d.label());
    }
    return java.util.Map.of("industry", ProjectCodes.INDUSTRY, "fundSource", ProjectCodes.FUND_SOURCE,
        "assetOwner", ProjectCodes.ASSET_OWNER, "status", ProjectCodes.STATUS, "link", ProjectCodes.LINK,
        "category", ProjectCodes.CATEGORY, "department", departments);
  }

  private final SupportProjects projects;
  private final ProjectImports imports;
  private final CurrentUser currentUser;
  private final org.bangfu.security.PersonNames personNames;

  public SupportProjectController(SupportProjects projects, ProjectImports imports, CurrentUser currentUser,
      org.bangfu.security.PersonNames personNames) {
    this.projects = projects;
    this.imports = imports;
    this.currentUser = currentUser;
    this.personNames = personNames;
  }

  @PostMapping
  public ResponseEntity<SupportProject> register(@RequestBody(required = false) SupportProjects.ProjectRequest body) {
    return ResponseEntity.status(201).body(projects.register(body, currentUser.get()));
  }

  /** The region's projects, each with its latest review. */
  @GetMapping
  public List<SupportProjects.ProjectLine> list(@RequestParam(required = false) String region) {
    return projects.lines(region, currentUser.get());
  }

  @GetMapping("/{id}")
  public ProjectDetail get(@PathVariable long id) {
    var user = currentUser.get();
    List<SupportProjectMapper.LedgerEntry> ledger = projects.ledger(id, user);
    java.util.Map<String, String> names = personNames.of(ledger.stream().map(SupportProjectMapper.LedgerEntry::actor)
        .distinct().toList());
    return new ProjectDetail(projects.get(id, user), projects.links(id, user), projects.reviews(id, user),
        projects.measuresOf(id, user), ledger.stream().map(e -> new LedgerLine(e.entry(), e.detail(), e.actor(),
            names.getOrDefault(e.actor(), e.actor()), e.createdAt())).toList(), projects.inNotice(id, user));
  }

  /** An objection during an adjustment's notice (公示期间有异议): the procedure goes back to the villagers' meeting. */
  public record Objection(String content) {
  }

  @PostMapping("/{id}/objections")
  public ResponseEntity<Void> objection(@PathVariable long id, @RequestBody(required = false) Objection body) {
    projects.raiseObjection(id, body == null ? null : body.content(), currentUser.get());
    return ResponseEntity.noContent().build();
  }

  @PutMapping("/{id}/households")
  public List<SupportProjectMapper.HouseholdLink> link(@PathVariable long id,
      @RequestBody(required = false) List<SupportProjects.LinkRequest> links) {
    return projects.link(id, links, currentUser.get());
  }

  /** Starts the year's review of every project of the county still run (once a year each): how many started. */
  @PostMapping("/reviews")
  public java.util.Map<String, Integer> startReviews(@RequestBody(required = false) ReviewStart body) {
    int year = body == null || body.year() == null ? org.bangfu.shared.EngineClock.today().getYear() : body.year();
    return java.util.Map.of("started", projects.startReviews(body == null ? null : body.countyCode(), year,
        currentUser.get()));
  }
}
