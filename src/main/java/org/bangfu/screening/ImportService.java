package org.bangfu.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bangfu.casefile.CaseFile;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.catalogue.CaseStatus;
import org.bangfu.catalogue.Department;
import org.bangfu.household.IncomeItem;
import org.bangfu.household.IncomeItems;
import org.bangfu.household.IncomeKind;
import org.bangfu.lifecycle.CaseOpening;
import org.bangfu.lifecycle.Reassessment;
import org.bangfu.lifecycle.OpenCase.DepartmentSignal;
import org.bangfu.lifecycle.OpenCase;
import org.bangfu.region.CandidateGroups;
import org.bangfu.region.RegionCode;
import org.bangfu.screening.ImportMapper.RegisteredPerson;
import org.bangfu.screening.ImportMapper.RunningCase;
import org.bangfu.screening.PushFileReader.Format;
import org.bangfu.screening.PushFileReader.RawRow;
import org.bangfu.screening.PushRowParser.Parsed;
import org.bangfu.screening.PushRowParser.RowError;
import org.bangfu.security.BangfuUser;
import org.bangfu.security.EngineUsers;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.EngineClock;
import org.bangfu.shared.ForbiddenException;
import org.bangfu.shared.InvalidInputException;
import org.bangfu.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports of department pushes (部门筛查预警): checks and stores an uploaded file, then works through it in batches,
 * each batch one transaction that writes its records, signals, cases and errors and moves the checkpoint. A crash
 * loses at most the batch in flight, which the next run does again; a record number seen before is skipped, so no
 * row makes a second signal or case.
 */
@Service
@EnableConfigurationProperties(ImportProperties.class)
public class ImportService {

  private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);
  static final String STEP = "Event_DepartmentSignal";

  private final Reassessment reassessment;
  private final ImportMapper imports;
  private final ImportProperties properties;
  private final DepartmentScreening screening;
  private final CaseOpening opening;
  private final CaseFileService caseFiles;
  private final EngineUsers users;
  private final IncomeItems incomeItems;
  private final org.bangfu.region.RegionService regions;

  public ImportService(ImportMapper imports, ImportProperties properties, DepartmentScreening screening,
      CaseOpening opening, CaseFileService caseFiles, EngineUsers users, Reassessment reassessment,
      IncomeItems incomeItems, org.bangfu.region.RegionService regions) {
    this.regions = regions;
    this.incomeItems = incomeItems;
    this.reassessment = reassessment;
    this.imports = imports;
    this.properties = properties;
    this.screening = screening;
    this.opening = opening;
    this.caseFiles = caseFiles;
    this.users = users;
  }

  /** Thrown inside a batch when another node took over the import: the batch rolls back. */
  static class LeaseLostException extends RuntimeException {
    LeaseLostException(Long id) {
      super("import " + id + " is held by another node");
    }
  }

  /**
   * Checks an uploaded push (department, the user's right to import it, file type, column titles, at least one row)
   * and stores it for processing. A refused file leaves nothing behind.
   */
  public PushImport upload(String departmentCode, String county, String fileName, InputStream content,
      BangfuUser user) {
    return upload(departmentCode, PushDataset.SIGNAL, county, fileName, content, user);
  }

  /** The same for a push of a dataset: a department's risk signals, or its incomes by kind. */
  public PushImport upload(String departmentCode, PushDataset dataset, String county, String fileName,
      InputStream content, BangfuUser user) {
    PushLayout layout = layout(departmentCode, dataset);
    Department department = layout.department();
    String countyCode = county == null || county.isBlank() ? countyOf(user, department) : county.trim();
    if (!countyCode.matches("\\d{6}")) {
      throw InvalidInputException.of("county", "县级区划代码应为6位数字");
    }
    requireImporter(user, department, countyCode);
    if (regions.find(countyCode).isEmpty()) {
      // an administrator may import for any county, but only for one that exists
      throw InvalidInputException.of("county", "没有区划代码为 " + countyCode + " 的县");
    }
    Format format = Format.of(fileName);
    if (format == null) {
      throw InvalidInputException.of("file", "只能导入CSV或XLSX（Excel）文件");
    }
    try (StoredUpload upload = StoredUpload.receive(properties.dir(), "upload-", content)) {
      String sha = upload.sha256();
      PushImport earlier = imports.findBySha(department.name(), countyCode, sha);
      if (earlier != null) {
        throw alreadyImported(earlier);
      }
      upload.inspect(format, properties.limits());
      int rows = countRows(layout, upload.path(), format, properties.limits());
      Path stored = upload.keep(layout.key() + "-" + countyCode + "-" + sha.substring(0, 16) + "-",
          "." + format.name().toLowerCase(java.util.Locale.ROOT));
      PushImport pushImport = new PushImport();
      pushImport.setDepartment(department.name());
      pushImport.setDataset(dataset.name());
      pushImport.setCountyCode(countyCode);
      pushImport.setFileName(fileName.length() > 200 ? fileName.substring(fileName.length() - 200) : fileName);
      pushImport.setFileFormat(format.name());
      pushImport.setFileSha256(sha);
      pushImport.setStoredPath(stored.toAbsolutePath().toString());
      pushImport.setStatus(PushImport.Status.RUNNING.name());
      pushImport.setTotalRows(rows);
      pushImport.setStartedBy(user.id());
      pushImport.setStartedAt(EngineClock.now());
      try {
        imports.insertImport(pushImport);
      } catch (org.springframework.dao.DuplicateKeyException e) {
        // the same file, uploaded at the same moment by another request, was stored first: one import of it
        PushImport winner = imports.findBySha(department.name(), countyCode, sha);
        throw winner == null ? new ConflictException("该文件正在由另一请求导入，没有重复导入") : alreadyImported(winner);
      }
      upload.committed();
      LOG.info("import {} of {} for county {}: {} rows from {} by {}", pushImport.getId(), layout.key(), countyCode,
          rows, format, user.id());
      return pushImport;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the upload", e);
    }
  }

  private static ConflictException alreadyImported(PushImport earlier) {
    return new ConflictException("该文件已于" + earlier.getStartedAt().toLocalDate() + "导入过（批次 "
        + earlier.getId() + "），没有重复导入"
        + (PushImport.Status.FAILED.name().equals(earlier.getStatus()) ? "；该批次导入失败，可以“继续导入”" : ""));
  }

  /** Reads the whole file once: checks the column titles and counts the data rows. */
  private static int countRows(PushLayout layout, Path file, Format format, ImportProperties.Limits limits) {
    try (PushFileReader reader = PushFileReader.open(file, format, limits)) {
      try {
        PushRowParser.forHeader(layout, reader.header());
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.of("file", e.getMessage());
      }
      int rows = 0;
      while (reader.next() != null) {
        rows++;
      }
      if (rows == 0) {
        throw InvalidInputException.of("file", "文件中没有数据行（第1行为列标题，从第2行起为数据）");
      }
      return rows;
    } catch (InvalidInputException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw InvalidInputException.of("file", PushFileReader.unreadable(format, e));
    }
  }

  /**
   * One batch in one transaction: checks the rows, finds each person's household, skips record numbers seen
   * before, screens the rest, opens a case or attaches the signal for each flagged row, records the errors and moves
   * the checkpoint from {@code fromRow}; {@code startedNanos} is when reading the batch began (for rows/s).
   */
  @Transactional
  public void processBatch(PushImport pushImport, PushRowParser parser, List<RawRow> batch, int fromRow,
      String owner, long startedNanos, LocalDateTime leaseUntil) {
    BatchWork work = new BatchWork(pushImport.getDepartment(), pushImport.getCountyCode(), EngineClock.today());
    List<PushRow> valid = parse(work, parser, batch);
    List<PushRow> matched = matchRegistry(work, valid);
    boolean incomes = PushDataset.INCOME.name().equals(pushImport.getDataset());
    List<PushRow> fresh = dropKnownAndRepeated(work, matched, incomes);
    // an income push stores its rows beside the village's records; a signal push screens them into cases
    int stored;
    if (incomes) {
      stored = storeIncomes(work, pushImport.getId(), fresh);
    } else {
      List<PushRow> flagged = screenAndStore(work, pushImport.getId(), fresh);
      openOrAttach(work, users.of(pushImport.getStartedBy()), flagged);
      stored = flagged.size();
    }
    if (!work.errors.isEmpty()) {
      List<RowError> kept = keptErrors(pushImport.getId(), work.errors);
      if (!kept.isEmpty()) {
        imports.insertErrors(pushImport.getId(), kept);
      }
    }
    long busyMillis = (System.nanoTime() - startedNanos) / 1_000_000;
    int updated = imports.advance(pushImport.getId(), owner, fromRow, fromRow + batch.size(), stored,
        work.opened, work.attached, work.duplicates, work.errorRows.size(), busyMillis, leaseUntil);
    if (updated != 1) {
      throw new LeaseLostException(pushImport.getId());
    }
  }

  /**
   * The errors of this batch's rows that are kept in detail: rows up to the limit of the import (a file of a
   * million bad rows would otherwise store millions of reasons); the rest are counted in the import's error rows.
   */
  private List<RowError> keptErrors(Long importId, List<RowError> errors) {
    int room = properties.limits().maxErrorRows() - imports.countErrorRows(importId);
    if (room <= 0) {
      return List.of();
    }
    Set<Integer> rows = new HashSet<>();
    List<RowError> kept = new ArrayList<>();
    for (RowError error : errors) {
      if (rows.contains(error.rowNo()) || rows.size() < room) {
        rows.add(error.rowNo());
        // the report's columns are bounded (32, 300): a reason never fails the batch it reports on
        kept.add(new RowError(error.rowNo(), truncate(error.columnName(), 32), truncate(error.reason(), 300)));
      }
    }
    return kept;
  }

  /** What one batch has found so far: its rows' errors, the registry's people, the households' open cases. */
  private static final class BatchWork {
    final String department;
    final String county;
    final LocalDate today;
    final List<RowError> errors = new ArrayList<>();
    final Set<Integer> errorRows = new HashSet<>();
    final Map<String, RegisteredPerson> people = new HashMap<>();
    final Map<Long, RunningCase> openCases = new HashMap<>();
    int duplicates;
    int opened;
    int attached;

    BatchWork(String department, String county, LocalDate today) {
      this.department = department;
      this.county = county;
      this.today = today;
    }

    void reject(int rowNo, RowError error) {
      errors.add(error);
      errorRows.add(rowNo);
    }

    RegisteredPerson person(PushRow row) {
      return people.get(row.idNumber());
    }
  }

  /** Rows the department's layout can read; the others go to the error report with what was wrong. */
  private static List<PushRow> parse(BatchWork work, PushRowParser parser, List<RawRow> batch) {
    List<PushRow> valid = new ArrayList<>();
    for (RawRow raw : batch) {
      Parsed parsed = parser.parse(raw, work.today);
      if (parsed.row() == null) {
        work.errors.addAll(parsed.errors());
        work.errorRows.add(raw.rowNo());
      } else {
        valid.add(parsed.row());
      }
    }
    return valid;
  }

  /** Rows whose person is in the registry, under the same name, in a household of this county. */
  private List<PushRow> matchRegistry(BatchWork work, List<PushRow> valid) {
    if (!valid.isEmpty()) {
      for (RegisteredPerson person : imports.findPeople(valid.stream().map(PushRow::idNumber).distinct().toList())) {
        work.people.put(person.idNumber(), person);
      }
    }
    List<PushRow> matched = new ArrayList<>();
    for (PushRow row : valid) {
      RegisteredPerson person = work.person(row);
      if (person == null) {
        work.reject(row.rowNo(), new RowError(row.rowNo(), "身份证号", "农户信息库中没有此身份证号，请核对，或先由村里登记该户"));
      } else if (!person.name().equals(row.name())) {
        work.reject(row.rowNo(), new RowError(row.rowNo(), "姓名", "与农户信息库中该身份证号登记的姓名不一致"));
      } else if (!new RegionCode(person.villageCode()).county().equals(work.county)) {
        work.reject(row.rowNo(), new RowError(row.rowNo(), "身份证号", "该人员所在农户不属于本县，请由其所在县导入"));
      } else {
        matched.add(row);
      }
    }
    return matched;
  }

  /** A record number the department pushed before, or twice in this file, counts once. */
  private List<PushRow> dropKnownAndRepeated(BatchWork work, List<PushRow> matched, boolean incomes) {
    List<String> numbers = matched.stream().map(PushRow::recordNo).distinct().toList();
    Set<String> known = matched.isEmpty() ? Set.of() : new HashSet<>(incomes
        ? incomeItems.knownRecordNos(work.department, work.county, numbers)
        : imports.findKnownRecordNos(work.department, work.county, numbers));
    Set<String> seen = new HashSet<>();
    List<PushRow> fresh = new ArrayList<>();
    for (PushRow row : matched) {
      if (known.contains(row.recordNo()) || !seen.add(row.recordNo())) {
        work.duplicates++;
      } else {
        fresh.add(row);
      }
    }
    return fresh;
  }

  /** Screens each row by the department's rules (DMN) and stores it; returns the flagged rows. */
  private List<PushRow> screenAndStore(BatchWork work, Long importId, List<PushRow> fresh) {
    if (!fresh.isEmpty()) {
      for (RunningCase open : imports.findOpenCases(fresh.stream().map(r -> work.person(r).householdId()).distinct()
          .toList())) {
        work.openCases.putIfAbsent(open.householdId(), open);
      }
    }
    DepartmentScreening.Rules rules = screening.current();
    List<PushRecord> records = new ArrayList<>();
    List<PushRow> flagged = new ArrayList<>();
    Set<Long> openingNow = new HashSet<>();
    for (PushRow row : fresh) {
      RegisteredPerson person = work.person(row);
      RunningCase open = work.openCases.get(person.householdId());
      boolean monitored = open != null && !CaseStatus.IDENTIFYING.name().equals(open.status());
      DepartmentScreening.Outcome outcome = rules.screen(row, work.department, new DepartmentScreening.HouseholdFacts(
          person.householdKind(), monitored, new RegionCode(person.villageCode()), work.today.getYear()));
      PushRecord.Outcome result = PushRecord.Outcome.NOT_FLAGGED;
      if (outcome.flagged()) {
        flagged.add(row);
        // the household's first flagged row opens its case; the others attach to it
        result = open == null && openingNow.add(person.householdId())
            ? PushRecord.Outcome.CASE_OPENED : PushRecord.Outcome.SIGNAL_ATTACHED;
      }
      records.add(new PushRecord(null, work.department, work.county, row.recordNo(), importId, row.rowNo(),
          person.householdId(), row.category(), row.amount(), row.number(), row.eventDate(), result.name(),
          outcome.riskType(), truncate(outcome.reason(), 200), null));
    }
    if (!records.isEmpty()) {
      imports.insertRecords(records);
    }
    return flagged;
  }

  /** Stores an income push's rows as the household's items of their months; answers how many. */
  private int storeIncomes(BatchWork work, Long importId, List<PushRow> fresh) {
    List<IncomeItem> items = new ArrayList<>();
    for (PushRow row : fresh) {
      IncomeKind kind = IncomeKind.ofShortLabel(row.category()).orElseThrow();
      items.add(new IncomeItem(null, work.department, work.county, row.recordNo(), importId, row.rowNo(),
          work.person(row).householdId(), YearMonth.from(row.eventDate()).toString(), kind, row.text(),
          row.amount()));
    }
    incomeItems.store(items);
    return items.size();
  }

  /** A flagged row opens its household's case, or is attached as a signal to the case already open. */
  private void openOrAttach(BatchWork work, BangfuUser user, List<PushRow> flagged) {
    if (flagged.isEmpty()) {
      return;
    }
    Map<String, PushRecord> stored = new HashMap<>();
    for (PushRecord record : imports.findRecords(work.department, work.county,
        flagged.stream().map(PushRow::recordNo).toList())) {
      stored.put(record.recordNo(), record);
    }
    for (PushRow row : flagged) {
      PushRecord record = stored.get(row.recordNo());
      RegisteredPerson person = work.person(row);
      String detail = detail(record, row);
      RunningCase open = work.openCases.get(person.householdId());
      Long caseId;
      if (open == null) {
        CaseFile caseFile = opening.open(openCase(person.householdId(), work.department, record, row, detail), user);
        caseId = caseFile.getId();
        work.openCases.put(person.householdId(), new RunningCase(person.householdId(), caseId,
            caseFile.getStatus()));
        work.opened++;
      } else {
        caseId = open.caseId();
        caseFiles.recordSignal(caseId, work.department, row.category(), detail, row.amount(), record.id());
        // a monitored or tracked household: its cadre re-assesses now, not at the next cycle
        String asked = CaseStatus.IDENTIFYING.name().equals(open.status()) ? null
            : reassessment.requestFor(caseFiles.find(caseId).getBusinessKey(),
                Department.valueOf(work.department).label() + "：" + record.reason()
                    + (row.eventDate() == null ? "" : "（" + row.eventDate() + "）"));
        caseFiles.audit(caseId, STEP, "部门预警", "SIGNAL",
            Department.valueOf(work.department).label() + "：" + detail + (asked == null ? "" : "；" + asked),
            user.id(), null);
        work.attached++;
      }
      imports.linkCase(record.id(), caseId);
    }
  }

  private static OpenCase openCase(Long householdId, String department, PushRecord record, PushRow row,
      String detail) {
    String risk = record.riskType() == null ? "OTHER" : record.riskType();
    boolean medical = Department.MEDINS.name().equals(department);
    return OpenCase.departmentPush(householdId, risk,
        new DepartmentSignal(department, row.category(), detail, row.amount()), medical ? row.amount() : null,
        record.id());
  }

  /** What the case file shows of the row: the rule that fired, the date and where the row came from. */
  private static String detail(PushRecord record, PushRow row) {
    String text = record.reason() + "；日期 " + row.eventDate()
        + (row.amount() == null ? "" : "；金额 " + row.amount().toPlainString() + " 元")
        + "；推送编号 " + row.recordNo() + "（导入批次 " + record.importId() + " 第 " + row.rowNo() + " 行）";
    return truncate(text, 500);
  }

  private static String truncate(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length);
  }

  public PushImport find(Long id, BangfuUser user) {
    PushImport pushImport = imports.findImport(id);
    if (pushImport == null || !canSee(user, pushImport)) {
      throw new NotFoundException("导入批次不存在，或不在您的辖区内");
    }
    return pushImport;
  }

  public List<PushImport> list(BangfuUser user) {
    if (user.isAdmin()) {
      return imports.findImports(null, null, 100);
    }
    List<String> counties = user.groups().stream()
        .filter(g -> g.startsWith(CandidateGroups.COUNTY) || g.startsWith(CandidateGroups.SUPERVISOR)
            || g.startsWith(CandidateGroups.DEPARTMENT))
        .map(CandidateGroups::regionCode).filter(c -> c != null && c.length() == 6).distinct().toList();
    if (counties.isEmpty()) {
      throw new ForbiddenException("部门数据导入只供本县的部门经办人、县级审批和督导人员查看");
    }
    return imports.findImports(counties, null, 100).stream().filter(i -> canSee(user, i)).toList();
  }

  /** An import the user may see, with the errors kept of its rows (the first rows' up to the limit). */
  public record ErrorReport(PushImport pushImport, List<RowError> errors) {
  }

  public ErrorReport errors(Long id, BangfuUser user) {
    return new ErrorReport(find(id, user), imports.findErrors(id));
  }

  /**
   * Deletes the files of imports done longer ago than their retention ({@code bangfu.imports.keep-files-for}): the
   * file holds names and ID numbers, and what the import found is in the records, cases and error report. A failed
   * import keeps its file for 继续导入. Answers how many files were deleted.
   */
  public int deleteFinishedFiles(LocalDateTime now) {
    int deleted = 0;
    for (PushImport done : imports.findFilesToDelete(now.minus(properties.keepFilesFor()))) {
      try {
        Files.deleteIfExists(Path.of(done.getStoredPath()));
      } catch (IOException e) {
        LOG.warn("import {}: cannot delete its file: {}", done.getId(), e.toString());
        continue;
      }
      deleted += imports.markFileDeleted(done.getId(), now);
    }
    if (deleted > 0) {
      LOG.info("deleted the files of {} finished imports", deleted);
    }
    return deleted;
  }

  /** A failed import continues from its checkpoint. */
  public PushImport resume(Long id, BangfuUser user) {
    PushImport pushImport = find(id, user);
    requireImporter(user, Department.valueOf(pushImport.getDepartment()), pushImport.getCountyCode());
    if (!imports.reopen(id)) {
      throw new ConflictException("只有失败的导入可以继续；该批次当前状态为“"
          + PushImport.Status.valueOf(pushImport.getStatus()).label() + "”");
    }
    return imports.findImport(id);
  }

  private static boolean canSee(BangfuUser user, PushImport pushImport) {
    String county = pushImport.getCountyCode();
    return user.isAdmin() || user.inGroup(CandidateGroups.county(county))
        || user.inGroup(CandidateGroups.supervisor(county))
        || user.inGroup(CandidateGroups.department(pushImport.getDepartment(), county));
  }

  private static void requireImporter(BangfuUser user, Department department, String county) {
    if (!user.isAdmin() && !user.inGroup(CandidateGroups.department(department.name(), county))
        && !user.inGroup(CandidateGroups.county(county))) {
      throw new ForbiddenException("只有本县" + department.label() + "或县级审定部门的人员可以导入" + department.label()
          + "的推送数据");
    }
  }

  /** The county of the user's department group, else of any of their region groups. */
  private static String countyOf(BangfuUser user, Department department) {
    String own = CandidateGroups.DEPARTMENT + department.name() + "-";
    return user.groups().stream().sorted((x, y) -> Boolean.compare(!x.startsWith(own), !y.startsWith(own)))
        .map(CandidateGroups::countyOf).filter(c -> c != null).findFirst()
        .orElseThrow(() -> InvalidInputException.of("county", "请指定导入数据所属的县（6位区划代码）"));
  }

  /** The layout of a department's push of a dataset; a department without one is refused in words. */
  static PushLayout layout(String code, PushDataset dataset) {
    Department department;
    try {
      department = Department.valueOf(code);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw InvalidInputException.of("department", "未知的推送部门：" + code);
    }
    PushLayout layout = PushLayouts.of(department, dataset);
    if (layout == null) {
      throw InvalidInputException.of("department", department.label() + "没有" + dataset.label() + "的导入模板");
    }
    return layout;
  }

  /** The layout a URL names by its key: CIVIL (预警数据) or CIVIL-INCOME (收入数据). */
  static PushLayout layout(String key) {
    String income = "-" + PushDataset.INCOME.name();
    return key.endsWith(income) ? layout(key.substring(0, key.length() - income.length()), PushDataset.INCOME)
        : layout(key, PushDataset.SIGNAL);
  }
}
