package org.bangfu.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.bangfu.household.HouseholdApi.HouseholdRequest;
import org.bangfu.household.HouseholdService;
import org.bangfu.household.Household;
import org.bangfu.message.Message;
import org.bangfu.message.MessageKind;
import org.bangfu.message.Messages;
import org.bangfu.region.CandidateGroups;
import org.bangfu.region.RegionService;
import org.bangfu.screening.ImportProperties;
import org.bangfu.screening.PushFileReader;
import org.bangfu.screening.StoredUpload;
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
 * Loads a county's registry from the national monitoring system's export, in two steps, each in the background as a
 * department push is. Reading (after the upload is checked and kept) compares every household of the file, by its
 * 户编号, with the registry ({@link RegistryComparison}) and stores what it found, changing nothing. Applying, when a
 * county user has looked and says so, saves the new and changed households. Both go a chunk at a time, each chunk
 * its own transaction that also moves the checkpoint: after a crash the load goes on from there. A household with an
 * open case is changed only when the user confirms it, and its village cadres are told; a household someone changed
 * after the reading is left alone. Loading the same export again finds everything the same: nothing is written twice.
 */
@Service
public class RegistryLoads {

  private static final Logger LOG = LoggerFactory.getLogger(RegistryLoads.class);
  /** Households compared per transaction (five statements each) and applied per transaction. */
  static final int READ_CHUNK = 500;
  static final int APPLY_CHUNK = 200;

  private final RegistryLoadMapper mapper;
  private final RegistryComparison comparison;
  private final HouseholdService households;
  private final RegionService regions;
  private final Messages messages;
  private final ImportProperties imports;
  private final TransactionTemplate transaction;

  public RegistryLoads(RegistryLoadMapper mapper, RegistryComparison comparison, HouseholdService households,
      RegionService regions, Messages messages, ImportProperties imports, PlatformTransactionManager transactions) {
    this.mapper = mapper;
    this.comparison = comparison;
    this.households = households;
    this.regions = regions;
    this.messages = messages;
    this.imports = imports;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** Thrown when another node has taken a load over (this one lost its lease): the chunk is rolled back. */
  static final class LeaseLostException extends RuntimeException {
    LeaseLostException(long id) {
      super("registry load " + id + " is held by another node now");
    }
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

  /**
   * Checks an upload (its layout, its limits) and keeps it to be read in the background; refused, it leaves nothing
   * behind. Changes nothing in the registry.
   */
  public RegistryLoad upload(String county, String fileName, InputStream content, BangfuUser user) {
    requireCounty(user, county);
    PushFileReader.Format format = PushFileReader.Format.of(fileName);
    if (format == null) {
      throw InvalidInputException.of("file", "只能导入 CSV 或 XLSX 文件（从国家防止返贫监测信息系统导出）");
    }
    try (StoredUpload upload = StoredUpload.receive(imports.dir(), "registry-", content)) {
      RegistryLoad earlier = mapper.findBySha(county, upload.sha256());
      if (earlier != null) {
        throw new ConflictException("同一文件已于 " + earlier.loadedAt().toLocalDate() + " 上传（第 " + earlier.id()
            + " 次导入），尚未应用：请打开该次导入查看或应用");
      }
      upload.inspect(format, imports.limits());
      Map<String, List<RegistryFile.Row>> rows = RegistryFile.read(upload.path(), format, imports.limits());
      Path stored = upload.keep("registry-", "-" + county + "." + format.name().toLowerCase(Locale.ROOT));
      RegistryLoadMapper.LoadRow load = new RegistryLoadMapper.LoadRow();
      load.countyCode = county;
      load.fileName = fileName.length() > 200 ? fileName.substring(fileName.length() - 200) : fileName;
      load.sha256 = upload.sha256();
      load.storedPath = stored.toAbsolutePath().toString();
      load.fileFormat = format.name();
      load.rowsRead = rows.values().stream().mapToInt(List::size).sum();
      load.householdsTotal = rows.size();
      load.loadedBy = user.id();
      load.loadedAt = EngineClock.now();
      mapper.insert(load);
      upload.committed();
      LOG.info("registry load {} of county {} uploaded by {}: {} households in {} rows", load.id, county, user.id(),
          load.householdsTotal, load.rowsRead);
      return mapper.find(load.id);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw InvalidInputException.of("file", PushFileReader.unreadable(format, e));
    }
  }

  /**
   * Reads and compares a kept upload from its checkpoint, a chunk per transaction, while {@code owner} holds the
   * load; at the end the file is deleted (what it said is in the items).
   */
  void continueReading(long id, String owner, Supplier<LocalDateTime> leaseEnd, BooleanSupplier stopping)
      throws IOException {
    RegistryLoadMapper.StoredFile file = mapper.storedFile(id);
    Path path = file.storedPath() == null ? null : Path.of(file.storedPath());
    if (path == null || !Files.exists(path)) {
      throw new IllegalStateException("上传的文件已不存在，请重新上传");
    }
    Map<String, List<RegistryFile.Row>> rows = RegistryFile.read(path,
        PushFileReader.Format.valueOf(file.fileFormat()), imports.limits());
    Map<Integer, String> duplicates = RegistryComparison.duplicates(rows);
    Set<String> villages = comparison.villages(file.countyCode());
    List<Map.Entry<String, List<RegistryFile.Row>>> all = new ArrayList<>(rows.entrySet());
    LOG.info("registry load {}: {} reading at household {} of {}", id, file.householdsRead() == 0 ? "starting"
        : "resuming", file.householdsRead(), all.size());
    for (int from = file.householdsRead(); from < all.size(); from += READ_CHUNK) {
      if (stopping.getAsBoolean()) {
        return;
      }
      List<Map.Entry<String, List<RegistryFile.Row>>> chunk = all.subList(from, Math.min(from + READ_CHUNK,
          all.size()));
      transaction.executeWithoutResult(status -> {
        List<RegistryItem> items = comparison.compare(chunk, villages, duplicates, file.loadedBy()).stream()
            .map(i -> new RegistryItem(null, id, i.householdNumber(), i.action(), i.householdId(), i.headName(),
                i.villageCode(), i.openCase(), i.changes(), i.payload(), i.state())).toList();
        mapper.insertItems(items);
        RegistryLoadMapper.ChunkCounts counts = new RegistryLoadMapper.ChunkCounts();
        counts.households = chunk.size();
        counts.newCount = count(items, "NEW");
        counts.changedCount = count(items, "CHANGED");
        counts.sameCount = count(items, "SAME");
        counts.errorCount = count(items, "ERROR");
        counts.openCaseCount = (int) items.stream().filter(RegistryItem::openCase).count();
        if (mapper.advanceRead(id, owner, leaseEnd.get(), counts) == 0) {
          throw new LeaseLostException(id);
        }
      });
    }
    if (mapper.finishRead(id, owner) == 0) {
      throw new LeaseLostException(id);
    }
    deleteQuietly(path);
    RegistryLoad load = mapper.find(id);
    LOG.info("registry load {} of county {} read: {} new, {} changed, {} same, {} refused", id, load.countyCode(),
        load.newCount(), load.changedCount(), load.sameCount(), load.errorCount());
  }

  /**
   * A county user's word to apply what the reading found; a household with an open case only with
   * {@code openCases}. Said again (to include the households with open cases, or after a failure) it goes on with
   * what is pending.
   */
  public RegistryLoad requestApply(long id, boolean openCases, BangfuUser user) {
    RegistryLoad load = get(id, user);
    if (mapper.requestApply(id, user.id(), openCases) == 0) {
      throw new ConflictException(switch (load.status()) {
        case RegistryLoad.APPLIED -> "本次导入已经应用";
        case RegistryLoad.READING -> "文件还在读取比对中，请比对完成后再应用";
        case RegistryLoad.APPLYING -> "本次导入正在应用中";
        default -> "本次导入没有读取完成，不能应用：请重新上传文件";
      });
    }
    LOG.info("registry load {} to be applied by {}{}", id, user.id(), openCases ? ", households with open cases too"
        : "");
    return mapper.find(id);
  }

  /** Applies pending items a chunk per transaction while {@code owner} holds the load. */
  void continueApplying(long id, String owner, Supplier<LocalDateTime> leaseEnd, BooleanSupplier stopping) {
    RegistryLoad load = mapper.find(id);
    while (true) {
      if (stopping.getAsBoolean()) {
        return;
      }
      // selected in the query: open cases left out there cannot fill a chunk and stop the others
      List<RegistryItem> chunk = mapper.pending(id, load.includeOpenCases(), APPLY_CHUNK);
      if (chunk.isEmpty()) {
        break;
      }
      transaction.executeWithoutResult(status -> {
        int applied = 0;
        for (RegistryItem item : chunk) {
          applied += applyItem(item, load.appliedBy()) ? 1 : 0;
        }
        if (mapper.advanceApply(id, owner, leaseEnd.get(), applied, chunk.size() - applied) == 0) {
          throw new LeaseLostException(id);
        }
      });
    }
    boolean done = mapper.pending(id, true, 1).isEmpty();
    if (mapper.finishApply(id, owner, done ? RegistryLoad.APPLIED : RegistryLoad.HELD,
        done ? EngineClock.now() : null) == 0) {
      throw new LeaseLostException(id);
    }
    LOG.info("registry load {} applied ({})", id, done ? "done" : "households with open cases left");
  }

  /** A load that cannot go on: why, in a county user's words. */
  void fail(long id, String owner, String why) {
    String path = mapper.storedFile(id).storedPath();
    mapper.fail(id, owner, why.length() > 1000 ? why.substring(0, 1000) : why);
    if (path != null) {
      deleteQuietly(Path.of(path));
    }
  }

  /** Applies one item; false when it was left alone (the item says why). */
  private boolean applyItem(RegistryItem item, String actor) {
    HouseholdRequest request = RegistryComparison.parse(item.payload());
    // what another load applied since this one was read is not overwritten: the item says why it was left
    try {
      households.check(request, "NEW".equals(item.action()) ? null : item.householdId());
    } catch (InvalidInputException e) {
      mapper.markItem(item.id(), "SKIPPED", item.changes() + "\n（未应用：" + e.errors().stream()
          .map(InvalidInputException.FieldError::message).collect(Collectors.joining("；")) + "）");
      return false;
    }
    if ("NEW".equals(item.action()) && !households.byRegistryNumbers(List.of(item.householdNumber())).isEmpty()) {
      mapper.markItem(item.id(), "SKIPPED", item.changes() + "\n（未应用：户编号已由另一次导入登记）");
      return false;
    }
    if ("NEW".equals(item.action())) {
      Long id = households.create(request, actor);
      households.linkRegistryNumber(id, item.householdNumber());
      mapper.markItem(item.id(), "APPLIED", null);
      return true;
    }
    Household current = households.find(item.householdId());
    if (current.getVersion() != request.version()) {
      mapper.markItem(item.id(), "SKIPPED", item.changes() + "\n（读取比对后该户信息已被修改，未更新：请重新导入比对）");
      return false;
    }
    households.update(item.householdId(), request, actor);
    households.linkRegistryNumber(item.householdId(), item.householdNumber());
    mapper.markItem(item.id(), "APPLIED", null);
    if (item.openCase()) {
      Set<String> cadres = new HashSet<>(messages.membersOf(CandidateGroups.village(item.villageCode())));
      messages.send(new Message("registry:" + item.loadId() + ":" + item.householdNumber(), MessageKind.REGISTRY,
          "名册导入更新了在办案件户：" + item.headName(),
          "县里按国家监测信息系统名册更新了 " + item.headName() + "户（户编号 " + item.householdNumber()
              + "）的信息，该户有在办案件，请核对：\n" + item.changes(), null, null), cadres);
    }
    return true;
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

  /** The households refused by the reading and those the applying left alone, for the error report. */
  public List<RegistryItem> problems(long id, BangfuUser user) {
    get(id, user);
    return mapper.problems(id, imports.limits().maxRows());
  }

  private static int count(List<RegistryItem> items, String action) {
    return (int) items.stream().filter(i -> action.equals(i.action())).count();
  }

  private static void deleteQuietly(Path path) {
    if (path != null) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        LOG.warn("could not delete {}", path);
      }
    }
  }
}
