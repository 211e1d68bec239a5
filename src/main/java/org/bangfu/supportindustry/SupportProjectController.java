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

  /** A project with its households, its reviews and its asset ledger. */
  public record ProjectDetail(SupportProject project, List<SupportProjectMapper.HouseholdLink> households,
      List<ProjectReview> reviews, List<SupportProjectMapper.LedgerEntry> ledger) {
  }

  private final SupportProjects projects;
  private final CurrentUser currentUser;

  public SupportProjectController(SupportProjects projects, CurrentUser currentUser) {
    this.projects = projects;
    this.currentUser = currentUser;
  }

  @PostMapping
  public ResponseEntity<SupportProject> register(@RequestBody(required = false) SupportProjects.ProjectRequest body) {
    return ResponseEntity.status(201).body(projects.register(body, currentUser.get()));
  }

  @GetMapping
  public List<SupportProject> list(@RequestParam(required = false) String region) {
    return projects.inRegion(region, currentUser.get());
  }

  @GetMapping("/{id}")
  public ProjectDetail get(@PathVariable long id) {
    var user = currentUser.get();
    return new ProjectDetail(projects.get(id, user), projects.links(id, user), projects.reviews(id, user),
        projects.ledger(id, user));
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
