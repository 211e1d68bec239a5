package org.bangfu.message;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.bangfu.message.Robots.RobotRequest;
import org.bangfu.region.RegionService;
import org.bangfu.security.BangfuUser;
import org.bangfu.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The county administrator's group robots. A robot's webhook and secret are never answered back once saved: the list
 * shows the webhook's end only, and whether a secret is set.
 */
@RestController
@RequestMapping("/api/robots")
public class RobotController {

  public record RobotView(Long id, String channel, String channelLabel, String countyCode, String countyName,
      String groupId, String name, String webhook, boolean secretSet, boolean enabled, String updatedBy,
      LocalDateTime updatedAt, int pending, int failed) {
  }

  public record GroupView(String id, String name) {
  }

  public record CountyView(String code, String name, List<GroupView> groups) {
  }

  public record Counties(List<CountyView> counties) {
  }

  private final Robots robots;
  private final RegionService regions;
  private final CurrentUser currentUser;

  public RobotController(Robots robots, RegionService regions, CurrentUser currentUser) {
    this.robots = robots;
    this.regions = regions;
    this.currentUser = currentUser;
  }

  @GetMapping
  public List<RobotView> list() {
    return robots.list(currentUser.get()).stream().map(this::view).toList();
  }

  /** The counties the user keeps robots for, with their groups (the form's choices). */
  @GetMapping("/counties")
  public Counties counties() {
    BangfuUser user = currentUser.get();
    return new Counties(robots.countiesOf(user).stream().map(c -> new CountyView(c, regions.name(c),
        robots.groupsOf(c).stream().map(g -> new GroupView(g.getId(), g.getName())).toList())).toList());
  }

  @PostMapping
  public ResponseEntity<RobotView> create(@RequestBody RobotRequest request) {
    return ResponseEntity.status(201).body(view(robots.create(request, currentUser.get())));
  }

  @PutMapping("/{id}")
  public RobotView change(@PathVariable long id, @RequestBody RobotRequest request) {
    return view(robots.change(id, request, currentUser.get()));
  }

  @DeleteMapping("/{id}")
  public ResponseEntity<Void> delete(@PathVariable long id) {
    robots.delete(id, currentUser.get());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/test")
  public Map<String, String> test(@PathVariable long id) {
    return Map.of("result", robots.test(id, currentUser.get()));
  }

  private RobotView view(Robot r) {
    int[] backlog = robots.backlog(r);
    String url = r.webhookUrl();
    String masked = url.substring(0, Math.min(url.length(), url.indexOf('?') + 1)) + "…"
        + url.substring(Math.max(url.length() - 4, 0));
    return new RobotView(r.id(), r.channel(), r.outboundChannel().label(), r.countyCode(),
        regions.name(r.countyCode()), r.groupId(), r.name(), masked, r.secret() != null, r.enabled(),
        r.updatedBy(), r.updatedAt(), backlog[0], backlog[1]);
  }
}
