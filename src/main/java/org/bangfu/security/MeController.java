package org.bangfu.security;

import java.util.List;
import java.util.Map;
import org.bangfu.region.CandidateGroups;
import org.bangfu.region.RegionService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in, and the villages they work for (for the pages of our own). */
@RestController
public class MeController {

  private final CurrentUser currentUser;
  private final RegionService regions;
  private final RegionAccess access;
  private final PersonNames names;

  public MeController(CurrentUser currentUser, RegionService regions, RegionAccess access, PersonNames names) {
    this.currentUser = currentUser;
    this.regions = regions;
    this.access = access;
    this.names = names;
  }

  /**
   * Also the webapp session's CSRF token, for our pages' writes with the Tasklist sign-in (the token's cookie is
   * limited to /camunda/). Another site cannot read this answer (same-origin policy, no CORS), so it stays secret.
   */
  @GetMapping("/api/me")
  public Map<String, Object> me(jakarta.servlet.http.HttpServletRequest request) {
    BangfuUser user = currentUser.get();
    List<Map<String, String>> villages = user.groups().stream().filter(g -> g.startsWith(CandidateGroups.VILLAGE))
        .map(g -> g.substring(CandidateGroups.VILLAGE.length()))
        .map(code -> Map.of("code", code, "name", regions.name(code))).toList();
    jakarta.servlet.http.HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(WebappSessionAuthenticationFilter.CSRF_TOKEN_ATTRIBUTE);
    // the villages the user may choose (batch approval), and the colleagues of the user's work groups (代理)
    List<Map<String, String>> visible = regions.villages().stream().filter(v -> access.canSee(user, v.code()))
        .map(v -> Map.of("code", v.code(), "name", (v.parentCode() == null ? "" : regions.name(v.parentCode())) + v.name()))
        .toList();
    // administrators' and process owners' groups have no region work to hand over
    List<PersonNames.Person> colleagues = names.membersOf(user.groups().stream()
        .filter(g -> CandidateGroups.regionCode(g) != null).toList(), user.id());
    return Map.of("id", user.id(), "name", names.of(user.id()), "groups", user.groups(), "villages", villages,
        "visibleVillages", visible, "colleagues", colleagues, "csrfToken", token == null ? "" : token.toString());
  }
}
