package org.bangfu.demo;

import java.math.BigDecimal;
import java.util.List;
import org.bangfu.household.HouseholdService;
import org.bangfu.region.CandidateGroups;
import org.bangfu.security.BangfuUser;
import org.bangfu.supportindustry.SupportProject;
import org.bangfu.supportindustry.SupportProjects;
import org.bangfu.supportindustry.SupportProjects.LinkRequest;
import org.bangfu.supportindustry.SupportProjects.ProjectRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Three support projects of the demo county (fictional), registered by its 农业农村局 as a user would: a cattle
 * co-operative in 东山村 that benefits 赵大山's household, a photovoltaic station in 西河村, and an idle mushroom
 * farm in 柳树村 — so that /support-projects.html and the year's review have something to show.
 */
@Component
@ConditionalOnProperty(name = "bangfu.demo.enabled", havingValue = "true")
public class DemoProjects {

  private final SupportProjects projects;
  private final HouseholdService households;

  public DemoProjects(SupportProjects projects, HouseholdService households) {
    this.projects = projects;
    this.households = households;
  }

  public void seed() {
    BangfuUser agri = new BangfuUser("handler_agri", List.of(CandidateGroups.department("AGRI", DemoData.COUNTY)));
    SupportProject cattle = projects.register(new ProjectRequest("XFX-2021-001", DemoData.DONGSHAN,
        "东山村黄牛养殖合作社", "BREEDING", "东山村黄牛养殖专业合作社", "BRIDGING", new BigDecimal("1200000"), "COLLECTIVE",
        2021, "OPERATING"), agri);
    projects.register(new ProjectRequest("XFX-2019-004", DemoData.XIHE, "西河村光伏帮扶电站", "PHOTOVOLTAIC",
        "西河村股份经济合作社", "EAST_WEST", new BigDecimal("650000"), "COLLECTIVE", 2019, "OPERATING"), agri);
    projects.register(new ProjectRequest("XFX-2022-010", DemoData.LIUSHU, "柳树村香菇种植基地", "PLANTING",
        "柳树村香菇种植合作社", "INTEGRATED", new BigDecimal("300000"), "COLLECTIVE", 2022, "IDLE"), agri);
    households.withHeadName(DemoCases.HEAD, 1).stream().findFirst().ifPresent(household ->
        projects.link(cattle.id(), List.of(new LinkRequest(household, "DIVIDEND")), agri));
  }
}
