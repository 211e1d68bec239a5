package org.bangfu.registry;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bangfu.household.IdNumber;
import org.bangfu.region.RegionService;
import org.bangfu.security.CurrentUser;
import org.bangfu.shared.CsvCells;
import org.bangfu.shared.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Loading the county's registry: upload a file (it is read and compared in the background; nothing changes), look at
 * what it would do, apply it (in the background too); the load's answer is its progress. The items are answered
 * without the file's ID numbers (what would change shows them masked).
 */
@RestController
@RequestMapping("/api/registry-loads")
public class RegistryLoadController {

  /** A household of a load, its village named (a county administrator reads no village's households otherwise). */
  public record ItemView(Long id, String householdNumber, String action, Long householdId, String headName,
      String villageCode, String villageName, boolean openCase, String changes, String state) {
  }

  public record ApplyRequest(Boolean includeOpenCases) {
  }

  private final RegistryLoads loads;
  private final RegistryLoadRunner runner;
  private final RegionService regions;
  private final CurrentUser currentUser;

  public RegistryLoadController(RegistryLoads loads, RegistryLoadRunner runner, RegionService regions,
      CurrentUser currentUser) {
    this.loads = loads;
    this.runner = runner;
    this.regions = regions;
    this.currentUser = currentUser;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<RegistryLoad> read(@RequestParam(required = false) String countyCode,
      @RequestParam(required = false) MultipartFile file) throws IOException {
    if (file == null || file.isEmpty()) {
      throw InvalidInputException.of("file", "请选择要导入的名册文件");
    }
    RegistryLoad load = loads.upload(countyCode, file.getOriginalFilename(), file.getInputStream(), currentUser.get());
    runner.kick();
    return ResponseEntity.accepted().body(load);
  }

  @GetMapping
  public List<RegistryLoad> list(@RequestParam String countyCode) {
    return loads.ofCounty(countyCode, currentUser.get());
  }

  @GetMapping("/{id}")
  public RegistryLoad get(@PathVariable long id) {
    return loads.get(id, currentUser.get());
  }

  @GetMapping("/{id}/items")
  public List<ItemView> items(@PathVariable long id, @RequestParam(required = false) String action,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    java.util.Map<String, String> places = new java.util.HashMap<>();
    return loads.items(id, action, page, size, currentUser.get()).stream().map(i -> new ItemView(i.id(),
        i.householdNumber(), i.action(), i.householdId(), i.headName(), i.villageCode(),
        places.computeIfAbsent(i.villageCode(), regions::place), i.openCase(), i.changes(), i.state())).toList();
  }

  @PostMapping("/{id}/apply")
  public ResponseEntity<RegistryLoad> apply(@PathVariable long id,
      @RequestBody(required = false) ApplyRequest request) {
    RegistryLoad load = loads.requestApply(id, request != null && Boolean.TRUE.equals(request.includeOpenCases()),
        currentUser.get());
    runner.kick();
    return ResponseEntity.accepted().body(load);
  }

  /**
   * The households refused by the reading, and those the applying left alone, with why (UTF-8 with a BOM, opens in
   * Excel; the file's words in a cell never start a formula).
   */
  @GetMapping("/{id}/errors.csv")
  public ResponseEntity<byte[]> errors(@PathVariable long id) throws IOException {
    List<RegistryItem> problems = loads.problems(id, currentUser.get());
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
    try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.EXCEL)) {
      csv.printRecord("户编号", "户主", "行政区划代码", "结果", "原因");
      for (RegistryItem item : problems) {
        csv.printRecord(CsvCells.safe(item.householdNumber()), CsvCells.safe(item.headName()),
            CsvCells.safe(item.villageCode()), "ERROR".equals(item.action()) ? "有误，未导入" : "未应用",
            CsvCells.safe(item.changes()));
      }
    }
    return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"registry-load-" + id + "-errors.csv\"")
        .body(out.toByteArray());
  }

  /** The layout as a CSV to fill in (UTF-8 with a BOM, for Excel): the columns, and two example rows marked so. */
  @GetMapping("/template.csv")
  public ResponseEntity<byte[]> template() {
    String example = "示例-0001";
    String csv = "\uFEFF" + String.join(",", RegistryFile.NUMBER, RegistryFile.VILLAGE, RegistryFile.NAME,
        RegistryFile.ID_NUMBER, RegistryFile.RELATION, RegistryFile.LABOUR, RegistryFile.KIND, RegistryFile.RELOCATED,
        "务工状况", "年人均纯收入") + "\r\n"
        + example + ",629901100201,示例户主," + id("62990119700101001") + ",户主,普通劳动力,脱贫户,否,县外务工,9800\r\n"
        + example + ",629901100201,示例配偶," + id("62990119720202002") + ",配偶,弱劳动力或半劳动力,脱贫户,否,,9800\r\n";
    return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"registry-template.csv\"")
        .body(csv.getBytes(StandardCharsets.UTF_8));
  }

  private static String id(String first17) {
    return first17 + IdNumber.checkChar(first17);
  }
}
