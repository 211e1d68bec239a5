package org.bangfu.screening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bangfu.catalogue.Department;
import org.bangfu.screening.PushRowParser.RowError;
import org.bangfu.security.CurrentUser;
import org.bangfu.shared.NotFoundException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Department pushes: upload, progress, error report, layouts and sample files. */
@RestController
@RequestMapping("/api/imports")
public class ImportController {

  /** Progress as the page and API clients read it. */
  public record ImportView(Long id, String department, String departmentLabel, String dataset, String datasetLabel,
      String countyCode, String fileName,
      String fileFormat, String status, String statusLabel, int totalRows, int rowsDone, int percent,
      Double rowsPerSecond, int rowsFlagged, int casesOpened, int signalsAttached, int rowsDuplicate, int rowsError,
      String failure, String startedBy, LocalDateTime startedAt, LocalDateTime finishedAt,
      LocalDateTime fileDeletedAt) {

    static ImportView of(PushImport i) {
      String label = PushImport.Status.valueOf(i.getStatus()).label();
      PushDataset dataset = PushDataset.valueOf(i.getDataset());
      return new ImportView(i.getId(), i.getDepartment(), Department.valueOf(i.getDepartment()).label(),
          dataset.name(), dataset.label(), i.getCountyCode(), i.getFileName(), i.getFileFormat(), i.getStatus(), label, i.getTotalRows(),
          i.getRowsDone(), i.getTotalRows() == 0 ? 0 : (int) (100L * i.getRowsDone() / i.getTotalRows()),
          i.getBusyMillis() == 0 ? null : Math.round(i.getRowsDone() * 10000.0 / i.getBusyMillis()) / 10.0,
          i.getRowsFlagged(), i.getCasesOpened(), i.getSignalsAttached(), i.getRowsDuplicate(), i.getRowsError(),
          i.getFailure(), i.getStartedBy(), i.getStartedAt(), i.getFinishedAt(), i.getFileDeletedAt());
    }
  }

  public record ColumnView(String header, String role, boolean required, List<String> allowed, String hint) {
  }

  /**
   * A push layout as the page lists it.
   *
   * @param key CIVIL for 民政's signals, CIVIL-INCOME for its incomes: the name in the sample's URL
   */
  public record LayoutView(String key, String department, String departmentLabel, String dataset,
      String datasetLabel, String description, List<ColumnView> columns, String sample) {
  }

  private final ImportService imports;
  private final ImportRunner runner;
  private final CurrentUser currentUser;

  public ImportController(ImportService imports, ImportRunner runner, CurrentUser currentUser) {
    this.imports = imports;
    this.runner = runner;
    this.currentUser = currentUser;
  }

  /**
   * Uploads a department's push file — its risk signals, or with {@code dataset=INCOME} its incomes by kind; it is
   * checked now and processed in the background.
   */
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<ImportView> upload(@RequestParam("department") String department,
      @RequestParam(value = "dataset", required = false) String dataset,
      @RequestParam(value = "county", required = false) String county,
      @RequestParam("file") MultipartFile file) throws IOException {
    if (file.isEmpty()) {
      throw org.bangfu.shared.InvalidInputException.of("file", "请选择要导入的文件（文件不能为空）");
    }
    PushImport pushImport;
    try (InputStream in = file.getInputStream()) {
      pushImport = imports.upload(department, PushDataset.of(dataset), county, file.getOriginalFilename(), in,
          currentUser.get());
    }
    runner.kick();
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(ImportView.of(pushImport));
  }

  @GetMapping
  public List<ImportView> list() {
    return imports.list(currentUser.get()).stream().map(ImportView::of).toList();
  }

  @GetMapping("/{id}")
  public ImportView get(@PathVariable Long id) {
    return ImportView.of(imports.find(id, currentUser.get()));
  }

  /** A failed import continues from its last committed batch. */
  @PostMapping("/{id}/resume")
  public ImportView resume(@PathVariable Long id) {
    ImportView view = ImportView.of(imports.resume(id, currentUser.get()));
    runner.kick();
    return view;
  }

  /** The rows that were not imported: row number, column, reason (UTF-8 with BOM, opens in Excel). */
  @GetMapping("/{id}/errors.csv")
  public ResponseEntity<byte[]> errors(@PathVariable Long id) throws IOException {
    ImportService.ErrorReport report = imports.errors(id, currentUser.get());
    PushImport pushImport = report.pushImport();
    List<RowError> errors = report.errors();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
    try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.EXCEL)) {
      csv.printRecord("行号", "列", "原因");
      for (RowError error : errors) {
        csv.printRecord(error.rowNo(), error.columnName(), error.reason());
      }
      long listed = errors.stream().map(RowError::rowNo).distinct().count();
      if (pushImport.getRowsError() > listed) {
        // only the first rows' errors are kept in detail: the report says how many more there are
        csv.printRecord("", "", "另有 " + (pushImport.getRowsError() - listed) + " 行有错误未逐行列出（每个批次最多列出 "
            + listed + " 行）；请先按以上原因更正文件，再重新导入");
      }
    }
    return download(out.toByteArray(), "import-" + id + "-errors.csv", "text/csv;charset=UTF-8");
  }

  @GetMapping("/layouts")
  public List<LayoutView> layouts() {
    return PushLayouts.all().stream().map(l -> new LayoutView(l.key(), l.department().name(),
        l.department().label(), l.dataset().name(), l.dataset().label(), l.description(),
        l.columns().stream().map(c -> new ColumnView(c.header(), c.role().name(), c.required(), c.allowed(),
            c.hint())).toList(),
        "/api/imports/layouts/" + l.key() + "/sample.csv")).toList();
  }

  /**
   * The sample file of a layout (CIVIL, CIVIL-INCOME…; fictional people of the demo county), as CSV with a BOM
   * (Excel on a Chinese Windows opens it as UTF-8).
   */
  @GetMapping("/layouts/{key}/sample.csv")
  public ResponseEntity<byte[]> sample(@PathVariable String key) throws IOException {
    PushLayout layout = ImportService.layout(key);
    String csv = sampleText(layout);
    return download(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8), layout.key() + "-sample.csv",
        "text/csv;charset=UTF-8");
  }

  /** The same sample as an Excel workbook: the header styled, frozen and filterable, the rows as text. */
  @GetMapping("/layouts/{key}/sample.xlsx")
  public ResponseEntity<byte[]> sampleWorkbook(@PathVariable String key) throws IOException {
    PushLayout layout = ImportService.layout(key);
    Department d = layout.department();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(out, "Bangfu", "1.0");
    org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet(layout.dataset() == PushDataset.SIGNAL ? d.label()
        : d.label() + layout.dataset().label());
    List<List<String>> rows = new java.util.ArrayList<>();
    try (org.apache.commons.csv.CSVParser parser = org.apache.commons.csv.CSVFormat.DEFAULT
        .parse(new java.io.StringReader(sampleText(layout)))) {
      parser.forEach(record -> rows.add(record.toList()));
    }
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < rows.get(r).size(); c++) {
        sheet.value(r, c, rows.get(r).get(c));
        if (r == 0) {
          sheet.style(r, c).bold().fontColor("FFFFFF").fillColor("B5121B").set();
          sheet.width(c, Math.max(10, rows.get(r).get(c).length() * 2.4));
        }
      }
    }
    sheet.freezePane(0, 1);
    sheet.setAutoFilter(0, 0, rows.get(0).size() - 1);
    workbook.finish();
    return download(out.toByteArray(), layout.key() + "-sample.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  }

  private static String sampleText(PushLayout layout) throws IOException {
    ClassPathResource resource = new ClassPathResource("imports/samples/" + layout.key() + ".csv");
    if (!resource.exists()) {
      throw new NotFoundException("没有该部门的示例文件");
    }
    try (InputStream in = resource.getInputStream()) {
      return sampleFor(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", ""),
          org.bangfu.shared.EngineClock.today());
    }
  }

  /**
   * The samples' dates and months are kept relative ({today-20}, {month-1}) so that they stay within the two years a
   * push may cover.
   */
  static String sampleFor(String template, java.time.LocalDate today) {
    String dated = java.util.regex.Pattern.compile("\\{today-(\\d+)}").matcher(template)
        .replaceAll(m -> today.minusDays(Long.parseLong(m.group(1))).toString());
    return java.util.regex.Pattern.compile("\\{month-(\\d+)}").matcher(dated)
        .replaceAll(m -> java.time.YearMonth.from(today).minusMonths(Long.parseLong(m.group(1))).toString());
  }

  private static ResponseEntity<byte[]> download(byte[] body, String fileName, String type) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
        .contentType(MediaType.parseMediaType(type)).body(body);
  }
}
