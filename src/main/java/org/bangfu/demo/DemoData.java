package org.bangfu.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.bangfu.admin.RegionProvisioning.RegionRequest;
import org.bangfu.admin.RegionProvisioning;
import org.bangfu.catalogue.Department;
import org.bangfu.household.HouseholdApi.HouseholdRequest;
import org.bangfu.household.HouseholdApi.IncomeRequest;
import org.bangfu.household.HouseholdApi.MemberRequest;
import org.bangfu.household.HouseholdService;
import org.bangfu.household.IdNumber;
import org.bangfu.region.CandidateGroups;
import org.bangfu.security.AccessProvisioning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo county 幸福县 (629901): 2 townships × 3 villages, a user for every role, and sample households including
 * those of the acceptance scenarios (docs/domain.md §8). Runs only with {@code bangfu.demo.enabled=true} (the demo
 * profile); it adds what is missing and never changes what exists. The demo county is registered the way an
 * administrator registers a real one ({@link RegionProvisioning}).
 */
@Component
@ConditionalOnProperty(name = "bangfu.demo.enabled", havingValue = "true")
public class DemoData {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  public static final String COUNTY = "629901";
  public static final String TOWNSHIP_HEPING = "629901100";
  public static final String TOWNSHIP_FUMIN = "629901101";
  public static final String DONGSHAN = "629901100201";
  public static final String XIHE = "629901100202";
  public static final String NANPING = "629901100203";
  public static final String LIUSHU = "629901101201";
  public static final String XINGHUA = "629901101202";
  public static final String SHIQIAO = "629901101203";

  /** village code, name, the cadre's user id, the cadre's family and given name */
  private static final String[][] VILLAGES = {
      {DONGSHAN, "东山村", "cadre_dongshan", "王", "建国"},
      {XIHE, "西河村", "cadre_xihe", "李", "秀英"},
      {NANPING, "南坪村", "cadre_nanping", "张", "卫东"},
      {LIUSHU, "柳树村", "cadre_liushu", "刘", "春梅"},
      {XINGHUA, "杏花村", "cadre_xinghua", "陈", "志强"},
      {SHIQIAO, "石桥村", "cadre_shiqiao", "杨", "丽华"},
  };

  private final RegionProvisioning regionProvisioning;
  private final HouseholdService households;
  private final AccessProvisioning provisioning;
  private final String password;
  private final String adminPassword;
  private final DemoCases cases;
  private final DemoProjects projects;
  private int idSequence = 100;

  public DemoData(RegionProvisioning regionProvisioning, HouseholdService households,
      AccessProvisioning provisioning, @Value("${bangfu.demo.password}") String password,
      @Value("${bangfu.demo.admin-password}") String adminPassword, DemoCases cases, DemoProjects projects) {
    this.cases = cases;
    this.projects = projects;
    this.regionProvisioning = regionProvisioning;
    this.households = households;
    this.provisioning = provisioning;
    this.password = password;
    this.adminPassword = adminPassword;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Transactional
  public void seed() {
    seedRegions();
    seedUsers();
    if (households.count() == 0) {
      seedHouseholds();
      LOG.info("demo data: {} households in 幸福县", households.count());
      cases.seed();
      projects.seed();
    }
  }

  private void seedRegions() {
    List<RegionRequest> county = new ArrayList<>(List.of(
        new RegionRequest("62", "甘肃省", "PROVINCE"),
        new RegionRequest("6299", "示范市", "CITY"),
        new RegionRequest(COUNTY, "幸福县", "COUNTY"),
        new RegionRequest(TOWNSHIP_HEPING, "和平镇", "TOWNSHIP"),
        new RegionRequest(TOWNSHIP_FUMIN, "富民乡", "TOWNSHIP")));
    for (String[] v : VILLAGES) {
      county.add(new RegionRequest(v[0], v[1], "VILLAGE"));
    }
    regionProvisioning.register(county);
  }

  private void seedUsers() {
    // the demo's administrator, made here rather than by camunda.bpm.admin-user: the starter saves that one through
    // the password policy, which refuses the demo's documented password
    provisioning.ensureAdministrator("admin", "系统", "管理员", adminPassword);
    for (String[] v : VILLAGES) {
      provisioning.ensureUser(v[2], v[3] + v[4], v[1], v[2] + "@demo.bangfu.org", password,
          List.of(CandidateGroups.village(v[0])));
    }
    provisioning.ensureUser("reviewer_heping", "赵海燕", "和平镇", "reviewer_heping@demo.bangfu.org", password,
        List.of(CandidateGroups.township(TOWNSHIP_HEPING)));
    provisioning.ensureUser("reviewer_fumin", "孙国强", "富民乡", "reviewer_fumin@demo.bangfu.org", password,
        List.of(CandidateGroups.township(TOWNSHIP_FUMIN)));
    provisioning.ensureUser("approver_county", "周明", "幸福县", "approver_county@demo.bangfu.org", password,
        List.of(CandidateGroups.county(COUNTY)));
    provisioning.ensureUser("supervisor_county", "吴静", "幸福县督导组", "supervisor_county@demo.bangfu.org", password,
        List.of(CandidateGroups.supervisor(COUNTY)));
    // a county registered before county administrators existed has no group for them yet
    provisioning.ensureWorkGroup(CandidateGroups.countyAdmin(COUNTY), "幸福县系统管理员");
    provisioning.ensureUser("admin_county", "钱伟", "幸福县系统管理员", "admin_county@demo.bangfu.org", password,
        List.of(CandidateGroups.countyAdmin(COUNTY)));
    provisioning.ensureWorkGroup(CandidateGroups.PROCESS_OWNERS, "流程管理员");
    provisioning.ensureUser("owner_province", "郑明", "省乡村振兴局", "owner_province@demo.bangfu.org", password,
        List.of(CandidateGroups.PROCESS_OWNERS));
    for (Department department : Department.values()) {
      String userId = "handler_" + department.name().toLowerCase();
      provisioning.ensureUser(userId, "经办人", department.label(), userId + "@demo.bangfu.org", password,
          List.of(CandidateGroups.department(department.name(), COUNTY)));
    }
  }

  private void seedHouseholds() {
    // the six acceptance scenarios of docs/domain.md §8, in 东山村 and 西河村
    household("赵大山", DONGSHAN, "FORMERLY_POOR", 7200, 0, "FULL", "FULL", "NONE", "WEAK");          // 1
    household("钱小明", DONGSHAN, "ORDINARY", 8000, 0, "FULL", "HALF", "NONE");                       // 2
    household("孙立新", XIHE, "ORDINARY", 15000, 45000, "FULL", "FULL", "NONE", "NONE");              // 3
    household("李春生", XIHE, "FORMERLY_POOR", 9500, 0, "FULL", "FULL", "WEAK", "NONE", "NONE");      // 4
    household("周老汉", NANPING, "ORDINARY", 5500, 0, "NONE", "NONE");                                // 5
    household("吴明亮", NANPING, "ORDINARY", 12000, 0, "FULL", "FULL", "NONE");                       // 6
    // further households across all villages
    String[] names = {"郑金花", "冯德胜", "陈玉兰", "褚永福", "卫小红", "蒋国庆", "沈翠萍", "韩有才", "杨桂芳",
        "朱长江", "秦淑珍", "尤大勇", "许春花", "何建军", "吕秀兰", "施文斌"};
    int[] incomes = {6800, 9200, 13500, 7900, 21000, 8400, 10600, 5200, 16800, 9900, 7600, 11800, 25000, 8700,
        6300, 14200};
    for (int i = 0; i < names.length; i++) {
      String village = VILLAGES[i % VILLAGES.length][0];
      String kind = i % 3 == 0 ? "FORMERLY_POOR" : "ORDINARY";
      String[] labour = i % 4 == 0 ? new String[] {"FULL", "WEAK", "NONE"}
          : i % 4 == 1 ? new String[] {"FULL", "FULL", "NONE", "NONE"}
          : i % 4 == 2 ? new String[] {"HALF", "NONE"} : new String[] {"FULL", "FULL", "FULL", "NONE", "NONE"};
      household(names[i], village, kind, incomes[i], i % 5 == 0 ? 3000 : 0, labour);
    }
  }

  /** A household with one member per labour capacity given (the first is the head) and 12 months of income. */
  private void household(String head, String village, String kind, int perCapitaYear, int rigidYear,
      String... labour) {
    List<MemberRequest> members = new ArrayList<>();
    String[] relations = {"HEAD", "SPOUSE", "CHILD", "PARENT", "CHILD", "GRANDCHILD"};
    for (int i = 0; i < labour.length; i++) {
      String name = i == 0 ? head : head.charAt(0) + (i == 1 && relations[i].equals("SPOUSE") ? "氏" : "家" + i);
      int birthYear = "NONE".equals(labour[i]) && i >= 2 ? 2016 : "NONE".equals(labour[i]) ? 1952 : 1975 + i;
      members.add(new MemberRequest(name, idNumber(birthYear), relations[Math.min(i, relations.length - 1)],
          labour[i]));
    }
    BigDecimal monthly = BigDecimal.valueOf((long) perCapitaYear * labour.length)
        .divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
    BigDecimal rigidMonthly = BigDecimal.valueOf(rigidYear).divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
    List<IncomeRequest> incomes = new ArrayList<>();
    YearMonth month = YearMonth.now().minusMonths(12);
    for (int i = 0; i < 12; i++, month = month.plusMonths(1)) {
      incomes.add(new IncomeRequest(month.toString(), monthly, rigidMonthly, null));
    }
    households.create(new HouseholdRequest(head, village, kind, village.substring(0, 9).equals(TOWNSHIP_HEPING)
        ? "和平镇" : "富民乡", members, incomes, null, null));
  }

  private String idNumber(int birthYear) {
    int seq = idSequence++;
    String first17 = COUNTY + LocalDate.of(birthYear, 1 + seq % 12, 1 + seq % 28).toString().replace("-", "")
        + String.format("%03d", seq % 1000);
    return first17 + IdNumber.checkChar(first17);
  }
}
