package org.bangfu.supervision;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.bangfu.security.CurrentUser;
import org.bangfu.shared.NotFoundException;
import org.bangfu.supervision.SupervisionService.ExportRow;
import org.bangfu.supervision.SupervisionService.Overview;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The supervision dashboard's data (/supervision.html), the overdue list as CSV and XLSX, and the diagrams. */
@RestController
@RequestMapping("/api/supervision")
public class SupervisionController {

  static final String[] HEADER = {"案件编号", "户主", "乡镇", "村", "环节", "办理单位", "办理人", "到期时间（北京时间）",
      "逾期工作日"};
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final SupervisionService supervision;
  private final CurrentUser currentUser;
  private final RepositoryService repositoryService;
  private final org.bangfu.region.RegionService regions;
  private final SupervisionDigest digest;

  public SupervisionController(SupervisionService supervision, CurrentUser currentUser,
      RepositoryService repositoryService, org.bangfu.region.RegionService regions, SupervisionDigest digest) {
    this.digest = digest;
    this.regions = regions;
    this.supervision = supervision;
    this.currentUser = currentUser;
    this.repositoryService = repositoryService;
  }

  /** The counties the signed-in user supervises (all for an administrator). */
  @GetMapping
  public List<java.util.Map<String, String>> counties() {
    var user = currentUser.get();
    return regions.counties().stream()
        .filter(c -> user.isAdmin() || user.inGroup(org.bangfu.region.CandidateGroups.supervisor(c.code())))
        .map(c -> java.util.Map.of("code", c.code(), "name", c.name())).toList();
  }

  @GetMapping("/{county}")
  public Overview overview(@PathVariable String county) {
    supervision.requireSupervisor(currentUser.get(), county);
    return supervision.overview(county);
  }

  /** Today's digest now (it goes at 07:30 on working days anyway); once a day, a second request queues nothing. */
  @org.springframework.web.bind.annotation.PostMapping("/{county}/digest")
  public java.util.Map<String, Object> digestNow(@PathVariable String county) {
    supervision.requireSupervisor(currentUser.get(), county);
    int queued = digest.send(county);
    return java.util.Map.of("queued", queued, "message", queued > 0 ? "今日督导日报已排队发送" : "今日督导日报已发送过");
  }

  @GetMapping(value = "/{county}/overdue.csv")
  public ResponseEntity<byte[]> csv(@PathVariable String county) {
    supervision.requireSupervisor(currentUser.get(), county);
    StringBuilder csv = new StringBuilder("\uFEFF"); // a BOM, so that Excel reads the Chinese as UTF-8
    csv.append(String.join(",", HEADER)).append("\r\n");
    for (ExportRow row : supervision.overdueList(county)) {
      csv.append(String.join(",", List.of(cell(row.caseNumber()), cell(row.headName()), cell(row.township()),
          cell(row.village()),
          cell(row.step()), cell(row.handlerGroup()), cell(row.assignee()), TIME.format(row.due()),
          String.valueOf(row.workingDaysOverdue())))).append("\r\n");
    }
    return download(csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv;charset=UTF-8",
        "overdue-" + county + ".csv");
  }

  @GetMapping(value = "/{county}/overdue.xlsx")
  public ResponseEntity<byte[]> xlsx(@PathVariable String county) throws IOException {
    supervision.requireSupervisor(currentUser.get(), county);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook workbook = new Workbook(out, "Bangfu", "1.0");
    Worksheet sheet = workbook.newWorksheet("逾期待办");
    // a header a supervisor can filter and that stays on screen; dates Excel knows as dates
    double[] widths = {24, 10, 12, 12, 22, 20, 16, 20, 10};
    for (int c = 0; c < HEADER.length; c++) {
      sheet.value(0, c, HEADER[c]);
      sheet.style(0, c).bold().fontColor("FFFFFF").fillColor("B5121B").borderStyle("thin").set();
      sheet.width(c, widths[c]);
    }
    int r = 1;
    for (ExportRow row : supervision.overdueList(county)) {
      sheet.value(r, 0, row.caseNumber());
      sheet.value(r, 1, row.headName());
      sheet.value(r, 2, row.township());
      sheet.value(r, 3, row.village());
      sheet.value(r, 4, row.step());
      sheet.value(r, 5, row.handlerGroup());
      sheet.value(r, 6, row.assignee());
      sheet.value(r, 7, row.due());
      sheet.style(r, 7).format("yyyy-mm-dd hh:mm").set();
      sheet.value(r, 8, row.workingDaysOverdue());
      r++;
    }
    sheet.freezePane(0, 1);
    sheet.setAutoFilter(0, 0, HEADER.length - 1);
    workbook.finish();
    return download(out.toByteArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "overdue-" + county + ".xlsx");
  }

  /** The BPMN XML of a process's latest version, for the diagram heat view. */
  @GetMapping(value = "/diagrams/{processKey}", produces = MediaType.APPLICATION_XML_VALUE)
  public String diagram(@PathVariable String processKey) throws IOException {
    if (!currentUser.get().isAdmin() && currentUser.get().groups().stream()
        .noneMatch(g -> g.startsWith(org.bangfu.region.CandidateGroups.SUPERVISOR))) {
      throw new org.bangfu.shared.ForbiddenException("只有督导组可以查看");
    }
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .latestVersion().singleResult();
    if (definition == null) {
      throw new NotFoundException("流程不存在");
    }
    try (var xml = repositoryService.getProcessModel(definition.getId())) {
      return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static ResponseEntity<byte[]> download(byte[] body, String type, String file) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
        .contentType(MediaType.parseMediaType(type)).body(body);
  }

  /** A CSV cell: quoted when needed; a leading = + - @ is neutralised (no formulas from data). */
  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String text = org.bangfu.shared.CsvCells.safe(value);
    return text.matches(".*[\",\\r\\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}
