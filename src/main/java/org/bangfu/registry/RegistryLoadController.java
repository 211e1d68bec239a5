package org.bangfu.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bangfu.household.IdNumber;
import org.bangfu.security.CurrentUser;
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
 * Loading the county's registry: read and compare a file (nothing changes), look at what it would do, apply it. The
 * items are answered without the file's ID numbers (what would change shows them masked).
 */
@RestController
@RequestMapping("/api/registry-loads")
public class RegistryLoadController {

  public record ItemView(Long id, String householdNumber, String action, Long householdId, String headName,
      String villageCode, boolean openCase, String changes, String state) {
  }

  public record ApplyRequest(Boolean includeOpenCases) {
  }

  private final RegistryLoads loads;
  private final CurrentUser currentUser;

  public RegistryLoadController(RegistryLoads loads, CurrentUser currentUser) {
    this.loads = loads;
    this.currentUser = currentUser;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<RegistryLoad> read(@RequestParam(required = false) String countyCode,
      @RequestParam(required = false) MultipartFile file) throws IOException {
    if (file == null || file.isEmpty()) {
      throw InvalidInputException.of("file", "请选择要导入的名册文件");
    }
    return ResponseEntity.status(201).body(loads.read(countyCode, file.getOriginalFilename(), file.getInputStream(),
        currentUser.get()));
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
    return loads.items(id, action, page, size, currentUser.get()).stream().map(i -> new ItemView(i.id(),
        i.householdNumber(), i.action(), i.householdId(), i.headName(), i.villageCode(), i.openCase(), i.changes(),
        i.state())).toList();
  }

  @PostMapping("/{id}/apply")
  public RegistryLoad apply(@PathVariable long id, @RequestBody(required = false) ApplyRequest request) {
    return loads.apply(id, request != null && Boolean.TRUE.equals(request.includeOpenCases()), currentUser.get());
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
