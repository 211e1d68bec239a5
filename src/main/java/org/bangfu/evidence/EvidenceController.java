package org.bangfu.evidence;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.bangfu.security.CurrentUser;
import org.bangfu.shared.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A case's evidence files: listed and added under the case, read one by one. A file is answered with the type its
 * bytes were found to be, never sniffed, in a sandbox, and a PDF as a download: nothing uploaded runs in our pages.
 */
@RestController
public class EvidenceController {

  public record EvidenceView(Long id, String kind, String kindLabel, String fileName, String contentType,
      long sizeBytes, String sha256, Long measureId, String uploadedBy, LocalDateTime uploadedAt) {
  }

  public record KindView(String kind, String label, String step) {
  }

  /** A case's files, and whether the reader may add one. */
  public record EvidenceList(boolean canAdd, List<EvidenceView> files) {
  }

  private final EvidenceService evidence;
  private final CurrentUser currentUser;
  private final org.bangfu.security.PersonNames names;

  public EvidenceController(EvidenceService evidence, CurrentUser currentUser, org.bangfu.security.PersonNames names) {
    this.evidence = evidence;
    this.currentUser = currentUser;
    this.names = names;
  }

  @GetMapping("/api/evidence-kinds")
  public List<KindView> kinds() {
    return java.util.Arrays.stream(EvidenceKind.values()).map(k -> new KindView(k.name(), k.label(), k.step()))
        .toList();
  }

  @GetMapping("/api/cases/{caseId}/evidence")
  public EvidenceList list(@PathVariable long caseId) {
    org.bangfu.security.BangfuUser user = currentUser.get();
    List<EvidenceView> files = evidence.ofCase(caseId, user).stream().map(this::view).toList();
    return new EvidenceList(evidence.canAdd(caseId, user), files);
  }

  @PostMapping(path = "/api/cases/{caseId}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<EvidenceView> add(@PathVariable long caseId, @RequestParam(required = false) String kind,
      @RequestParam(required = false) Long measureId, @RequestParam(required = false) MultipartFile file)
      throws java.io.IOException {
    if (file == null) {
      throw InvalidInputException.of("file", "请选择要上传的文件");
    }
    return ResponseEntity.status(201).body(view(evidence.add(caseId, kind, measureId, file.getOriginalFilename(),
        file.getBytes(), currentUser.get())));
  }

  @GetMapping("/api/evidence/{id}")
  public ResponseEntity<byte[]> read(@PathVariable long id) {
    EvidenceService.File file = evidence.read(id, currentUser.get());
    Evidence e = file.evidence();
    boolean image = e.contentType().startsWith("image/");
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(e.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, (image ? ContentDisposition.inline() : ContentDisposition.attachment())
            .filename(e.fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(file.content());
  }

  private EvidenceView view(Evidence e) {
    return new EvidenceView(e.id(), e.kind(), EvidenceKind.valueOf(e.kind()).label(), e.fileName(), e.contentType(),
        e.sizeBytes(), e.sha256(), e.measureId(), names.of(e.uploadedBy()), e.uploadedAt());
  }
}
