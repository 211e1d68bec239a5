package org.bangfu.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.household.Household;
import org.bangfu.household.HouseholdApi.HouseholdRequest;
import org.bangfu.household.HouseholdApi.MemberRequest;
import org.bangfu.household.HouseholdChange;
import org.bangfu.household.HouseholdService;
import org.bangfu.household.IdNumber;
import org.bangfu.message.Message;
import org.bangfu.message.MessageKind;
import org.bangfu.message.Messages;
import org.bangfu.region.CandidateGroups;
import org.bangfu.region.RegionService;
import org.bangfu.screening.ImportProperties;
import org.bangfu.screening.PushFileReader;
import org.bangfu.screening.XlsxInspection;
import org.bangfu.security.BangfuUser;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.EngineClock;
import org.bangfu.shared.ForbiddenException;
import org.bangfu.shared.InvalidInputException;
import org.bangfu.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a county's registry from the national monitoring system's export, in two steps. Reading compares every
 * household of the file, by its 户编号, with the registry — new, changed (and what would change, in the change log's
 * words), the same, or refused (and why) — and stores that, changing nothing. Applying, when a county user has read
 * it, saves the new and changed households a chunk at a time, each chunk its own transaction (a crash resumes with
 * what is still pending); a household with an open case is changed only when the user confirms it, its village cadres
 * are told, and a household someone changed after the reading is left alone. Loading the same export again finds
 * everything the same: nothing is written twice.
 */
@Service
public class RegistryLoads {

  private static final Logger LOG = LoggerFactory.getLogger(RegistryLoads.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int CHUNK = 200;

  private final RegistryLoadMapper mapper;
  private final HouseholdService households;
  private final CaseFileService caseFiles;
  private final RegionService regions;
  private final Messages messages;
  private final ImportProperties imports;
  private final TransactionTemplate transaction;

  public RegistryLoads(RegistryLoadMapper mapper, HouseholdService households, CaseFileService caseFiles,
      RegionService regions, Messages messages, ImportProperties imports, PlatformTransactionManager transactions) {
    this.mapper = mapper;
    this.households = households;
    this.caseFiles = caseFiles;
    this.regions = regions;
    this.messages = messages;
    this.imports = imports;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** The county's own users load its registry: its 乡村振兴部门 and its administrators. */
  public void requireCounty(BangfuUser user, String county) {
    if (county == null || !county.matches("\\d{6}") || regions.counties().stream().noneMatch(c -> c.code().equals(county))) {
      throw InvalidInputException.of("countyCode", "县级区划代码不正确");
    }
    if (!user.inGroup(CandidateGroups.county(county)) && !user.inGroup(CandidateGroups.countyAdmin(county))) {
      throw new ForbiddenException("只有本县乡村振兴部门或县级系统管理员可以导入农户名册");
    }
  }

  /** Reads and compares a file; changes nothing in the registry. */
  public RegistryLoad read(String county, String fileName, InputStream content, BangfuUser user) {
    requireCounty(user, county);
    PushFileReader.Format format = PushFileReader.Format.of(fileName);
    if (format == null) {
      throw InvalidInputException.of("file", "只能导入 CSV 或 XLSX 文件（从国家防止返贫监测信息系统导出）");
    }
    Path file = null;
    try {
      file = Files.createTempFile("bangfu-registry-", "." + format.name().toLowerCase(java.util.Locale.ROOT));
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(content, digest)) {
        Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      String sha = java.util.HexFormat.of().formatHex(digest.digest());
      RegistryLoad earlier = mapper.findBySha(county, sha);
      if (earlier != null) {
        throw new ConflictException("同一文件已于 " + earlier.loadedAt().toLocalDate() + " 读取比对（第 " + earlier.id()
            + " 次导入），尚未应用：请打开该次导入查看或应用");
      }
      if (format == PushFileReader.Format.XLSX) {
        XlsxInspection.check(file, imports.limits());
      }
      Map<String, List<RegistryFile.Row>> rows = RegistryFile.read(file, format, imports.limits());
      return compare(county, fileName, sha, rows, user);
    } catch (IOException e) {
      throw InvalidInputException.of("file", "文件无法读取：" + e.getMessage());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          LOG.warn("could not delete {}", file);
        }
      }
    }
  }

  private RegistryLoad compare(String county, String fileName, String sha, Map<String, List<RegistryFile.Row>> file,
      BangfuUser user) {
    Map<String, Long> known = new HashMap<>();
    List<String> numbers = new ArrayList<>(file.keySet());
    for (int i = 0; i < numbers.size(); i += 1000) {
      known.putAll(households.byRegistryNumbers(numbers.subList(i, Math.min(i + 1000, numbers.size()))));
    }
    Map<String, String> personSeen = new HashMap<>();
    // the county's registered villages, read once for the whole file
    Set<String> villages = regions.villages().stream().map(org.bangfu.region.Region::code)
        .filter(code -> code.startsWith(county)).collect(java.util.stream.Collectors.toSet());
    List<RegistryItem> items = new ArrayList<>();
    int rowsRead = 0;
    for (Map.Entry<String, List<RegistryFile.Row>> household : file.entrySet()) {
      rowsRead += household.getValue().size();
      items.add(item(villages, household.getKey(), household.getValue(), known, personSeen, user));
    }
    RegistryLoadMapper.LoadRow load = new RegistryLoadMapper.LoadRow();
    load.countyCode = county;
    load.fileName = fileName.length() > 200 ? fileName.substring(fileName.length() - 200) : fileName;
    load.sha256 = sha;
    load.status = "READ";
    load.rowsRead = rowsRead;
    load.newCount = count(items, "NEW");
    load.changedCount = count(items, "CHANGED");
    load.sameCount = count(items, "SAME");
    load.errorCount = count(items, "ERROR");
    load.openCaseCount = (int) items.stream().filter(RegistryItem::openCase).count();
    load.loadedBy = user.id();
    load.loadedAt = EngineClock.now();
    transaction.executeWithoutResult(status -> {
      mapper.insert(load);
      List<RegistryItem> withLoad = items.stream().map(i -> new RegistryItem(null, load.id, i.householdNumber(),
          i.action(), i.householdId(), i.headName(), i.villageCode(), i.openCase(), i.changes(), i.payload(),
          i.state())).toList();
      for (int i = 0; i < withLoad.size(); i += 500) {
        mapper.insertItems(withLoad.subList(i, Math.min(i + 500, withLoad.size())));
      }
    });
    LOG.info("registry load {} of county {} read by {}: {} new, {} changed, {} same, {} refused", load.id, county,
        user.id(), load.newCount, load.changedCount, load.sameCount, load.errorCount);
    return mapper.find(load.id);
  }

  private RegistryItem item(Set<String> countyVillages, String number, List<RegistryFile.Row> rows,
      Map<String, Long> known,
      Map<String, String> personSeen, BangfuUser user) {
    List<String> errors = new ArrayList<>();
    RegistryFile.Row first = rows.get(0);
    if (number.isEmpty() || number.length() > 30) {
      errors.add("第 " + first.rowNo() + " 行：户编号为空或超过30位");
    }
    String village = first.village();
    if (rows.stream().anyMatch(r -> !r.village().equals(village))) {
      errors.add("同一户编号的成员在不同的村");
    }
    if (!countyVillages.contains(village)) {
      errors.add("第 " + first.rowNo() + " 行：行政区划代码 " + village + " 不是本县已登记的村");
    }
    List<MemberRequest> members = new ArrayList<>();
    for (RegistryFile.Row row : rows) {
      String relation = RegistryFile.relation(row.relation());
      String labour = RegistryFile.labour(row.labour());
      if (relation == null) {
        errors.add("第 " + row.rowNo() + " 行：与户主关系“" + row.relation() + "”无法识别");
      }
      if (labour == null) {
        errors.add("第 " + row.rowNo() + " 行：劳动技能“" + row.labour() + "”无法识别");
      }
      IdNumber.problem(row.idNumber()).ifPresent(p -> errors.add("第 " + row.rowNo() + " 行：" + p));
      String other = personSeen.putIfAbsent(row.idNumber(), number);
      if (other != null && !row.idNumber().isEmpty()) {
        errors.add("第 " + row.rowNo() + " 行：证件号码 " + IdNumber.mask(row.idNumber()) + " 在文件中出现两次（户编号 "
            + other + (other.equals(number) ? "" : "、" + number) + "）");
      }
      if (row.name().isEmpty()) {
        errors.add("第 " + row.rowNo() + " 行：姓名为空");
      }
      members.add(new MemberRequest(row.name(), row.idNumber(), relation, labour));
    }
    List<RegistryFile.Row> heads = rows.stream().filter(r -> "HEAD".equals(RegistryFile.relation(r.relation())))
        .toList();
    if (heads.size() != 1) {
      errors.add("户编号 " + number + " 应有且只有一位户主，文件中有 " + heads.size() + " 位");
    }
    if (!errors.isEmpty()) {
      return error(number, village, first.name(), errors);
    }
    String headName = heads.get(0).name();
    String kind = RegistryFile.kind(first.kind());
    Boolean relocated = first.relocated().equals("是");
    Long id = known.get(number);
    boolean linking = false;
    if (id == null) {
      // registered here before the registry was loaded: the household of the 户主's ID number, if it has no number
      Long registered = households.withMember(heads.get(0).idNumber()).orElse(null);
      if (registered != null) {
        Household existing = households.find(registered);
        if (existing.getRegistryNumber() != null) {
          return error(number, village, headName, List.of("户主的证件号码已登记在户编号 " + existing.getRegistryNumber()
              + " 下"));
        }
        id = registered;
        linking = true;
      }
    }
    try {
      if (id == null) {
        HouseholdRequest request = new HouseholdRequest(headName, village, kind, null, members, null, null, relocated);
        households.check(request, null);
        return new RegistryItem(null, null, number, "NEW", null, headName, village, false,
            members.size() + " 人，" + ("FORMERLY_POOR".equals(kind) ? "脱贫户" : "一般农户"), payload(request), "PENDING");
      }
      Household existing = households.find(id);
      if (!existing.getVillageCode().equals(village)) {
        return error(number, village, headName, List.of("该户在本系统中登记在另一个村（" + existing.getVillageCode()
            + "），迁移请走迁移流程"));
      }
      HouseholdRequest request = new HouseholdRequest(headName, village, kind, existing.getAddress(), members, null,
          existing.getVersion(), relocated);
      households.check(request, id);
      List<HouseholdChange> changes = households.wouldChange(id, request, user.id());
      List<String> lines = new ArrayList<>();
      if (linking) {
        lines.add("户编号：— → " + number);
      }
      changes.forEach(c -> lines.add(c.field() + "：" + (c.oldValue() == null ? "—" : c.oldValue()) + " → "
          + (c.newValue() == null ? "—" : c.newValue())));
      if (lines.isEmpty()) {
        return new RegistryItem(null, null, number, "SAME", id, headName, village, false, null, null, "PENDING");
      }
      return new RegistryItem(null, null, number, "CHANGED", id, headName, village, caseFiles.hasOpenCase(id),
          String.join("\n", lines), payload(request), "PENDING");
    } catch (InvalidInputException e) {
      return error(number, village, headName, e.errors().stream().map(InvalidInputException.FieldError::message)
          .toList());
    }
  }

  private static RegistryItem error(String number, String village, String name, List<String> errors) {
    return new RegistryItem(null, null, number.isEmpty() ? "（空）" : number.substring(0, Math.min(30, number.length())),
        "ERROR", null, name, village.length() > 12 ? village.substring(0, 12) : village, false,
        String.join("\n", errors), null, "PENDING");
  }

  /**
   * Applies what a reading found, a chunk at a time; a household with an open case only with {@code openCases}.
   * Called again (after a crash, or to include the households with open cases) it goes on with what is pending.
   */
  public RegistryLoad apply(long id, boolean openCases, BangfuUser user) {
    RegistryLoad load = get(id, user);
    if ("APPLIED".equals(load.status())) {
      throw new ConflictException("本次导入已经应用");
    }
    mapper.markApplying(id, user.id());
    while (true) {
      // selected in the query: open cases left out there cannot fill a chunk and stop the others
      List<RegistryItem> chunk = mapper.pending(id, openCases, CHUNK);
      if (chunk.isEmpty()) {
        break;
      }
      transaction.executeWithoutResult(status -> chunk.forEach(item -> applyItem(item, user)));
    }
    boolean done = mapper.pending(id, true, 1).isEmpty();
    if (done) {
      mapper.finish(id, mapper.countApplied(id), EngineClock.now());
    }
    LOG.info("registry load {} applied by {} ({})", id, user.id(), done ? "done" : "households with open cases left");
    return mapper.find(id);
  }

  private void applyItem(RegistryItem item, BangfuUser user) {
    HouseholdRequest request = parse(item.payload());
    // what another load applied since this one was read is not overwritten: the item says why it was left
    try {
      households.check(request, "NEW".equals(item.action()) ? null : item.householdId());
    } catch (InvalidInputException e) {
      mapper.markItem(item.id(), "SKIPPED", item.changes() + "\n（未应用：" + e.errors().stream()
          .map(InvalidInputException.FieldError::message).collect(java.util.stream.Collectors.joining("；")) + "）");
      return;
    }
    if ("NEW".equals(item.action()) && !households.byRegistryNumbers(List.of(item.householdNumber())).isEmpty()) {
      mapper.markItem(item.id(), "SKIPPED", item.changes() + "\n（未应用：户编号已由另一次导入登记）");
      return;
    }
    if ("NEW".equals(item.action())) {
      Long id = households.create(request, user.id());
      households.linkRegistryNumber(id, item.householdNumber());
      mapper.markItem(item.id(), "APPLIED", null);
      return;
    }
    Household current = households.find(item.householdId());
    if (current.getVersion() != request.version()) {
      mapper.markItem(item.id(), "SKIPPED", item.changes() + "\n（读取比对后该户信息已被修改，未更新：请重新导入比对）");
      return;
    }
    households.update(item.householdId(), request, user.id());
    households.linkRegistryNumber(item.householdId(), item.householdNumber());
    mapper.markItem(item.id(), "APPLIED", null);
    if (item.openCase()) {
      Set<String> cadres = new HashSet<>(messages.membersOf(CandidateGroups.village(item.villageCode())));
      messages.send(new Message("registry:" + item.loadId() + ":" + item.householdNumber(), MessageKind.REGISTRY,
          "名册导入更新了在办案件户：" + item.headName(),
          "县里按国家监测信息系统名册更新了 " + item.headName() + "户（户编号 " + item.householdNumber()
              + "）的信息，该户有在办案件，请核对：\n" + item.changes(), null, null), cadres);
    }
  }

  public RegistryLoad get(long id, BangfuUser user) {
    RegistryLoad load = mapper.find(id);
    if (load == null) {
      throw new NotFoundException("导入记录不存在");
    }
    try {
      requireCounty(user, load.countyCode());
    } catch (ForbiddenException e) {
      throw new NotFoundException("导入记录不存在");
    }
    return load;
  }

  public List<RegistryLoad> ofCounty(String county, BangfuUser user) {
    requireCounty(user, county);
    return mapper.ofCounty(county);
  }

  public List<RegistryItem> items(long id, String action, int page, int size, BangfuUser user) {
    get(id, user);
    if (action != null && !List.of("NEW", "CHANGED", "SAME", "ERROR").contains(action)) {
      throw InvalidInputException.of("action", "应为 NEW、CHANGED、SAME 或 ERROR");
    }
    InvalidInputException.requireValidPage(page, size);
    return mapper.items(id, action, page * size, size);
  }

  private static int count(List<RegistryItem> items, String action) {
    return (int) items.stream().filter(i -> action.equals(i.action())).count();
  }

  private static String payload(HouseholdRequest request) {
    try {
      return JSON.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HouseholdRequest parse(String payload) {
    try {
      return JSON.readValue(payload, HouseholdRequest.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
