package org.bangfu.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.demo.DemoData.DONGSHAN;
import static org.bangfu.testing.TestFiles.pdf;
import static org.bangfu.testing.TestFiles.png;
import static org.bangfu.testing.TestFiles.pngHeader;
import static org.bangfu.testing.TestFiles.sha256;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Evidence files through the API on MariaDB: hostile and broken files refused with the reason and nothing kept; a
 * photo and a PDF kept with their checksums, in the case's audit, answered with their detected type in a sandbox;
 * each file visible only to those who may read its case, added only by those who work on it.
 */
class EvidenceIT extends MariaDbIntegrationTest {

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void hostileFilesAreRefusedAndNothingIsKept() {
    long caseId = openCase();
    int before = count(caseId);
    // a page of HTML with a script, named as a photo; an SVG (it can carry scripts); a PDF named as a photo
    assertRefused(caseId, "photo.jpg", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
        "只能上传 JPG、PNG");
    assertRefused(caseId, "notice.svg", ("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script>"
        + "</svg>").getBytes(StandardCharsets.UTF_8), "只能上传 JPG、PNG");
    assertRefused(caseId, "scan.png", pdf(), "与文件内容（PDF）不一致");
    // a PNG whose header claims 100,000 × 100,000 pixels (a decompression bomb): refused before it is decoded
    assertRefused(caseId, "bomb.png", pngHeader(100_000, 100_000), "图片尺寸过大");
    // a PDF cut off in the middle, an empty file, one too large
    byte[] pdf = pdf();
    assertRefused(caseId, "cut.pdf", java.util.Arrays.copyOf(pdf, pdf.length - 10), "PDF 文件不完整");
    assertRefused(caseId, "empty.jpg", new byte[0], "请选择要上传的文件");
    byte[] large = new byte[10 * 1024 * 1024 + 1];
    large[0] = (byte) 0xFF;
    large[1] = (byte) 0xD8;
    large[2] = (byte) 0xFF;
    assertRefused(caseId, "large.jpg", large, "文件超过 10 MB");
    ResponseEntity<Map<String, Object>> noKind = upload("cadre_dongshan", caseId, "NOPE", "a.png", png(3, 3));
    assertThat(noKind.getStatusCode().value()).isEqualTo(400);
    assertThat(noKind.getBody().toString()).contains("请选择材料类型");
    assertThat(count(caseId)).isEqualTo(before);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_case_audit WHERE case_id = ? AND decision = "
        + "'EVIDENCE_ADDED'", Integer.class, caseId)).isZero();
  }

  @Test
  void aFileIsKeptWithItsChecksumAndSeenOnlyWhereItsCaseIsSeen() {
    long caseId = openCase();
    byte[] photo = png(40, 30);
    ResponseEntity<Map<String, Object>> added = upload("cadre_dongshan", caseId, "APPLICATION", "申请书.png", photo);
    assertThat(added.getStatusCode().value()).as("%s", added.getBody()).isEqualTo(201);
    long id = ((Number) added.getBody().get("id")).longValue();
    assertThat(added.getBody()).containsEntry("contentType", "image/png").containsEntry("kindLabel", "签字的申请书")
        .containsEntry("sha256", sha256(photo)).containsEntry("fileName", "申请书.png");
    assertThat(upload("cadre_dongshan", caseId, "OTHER", "again.png", photo).getStatusCode().value())
        .as("the same file twice").isEqualTo(409);
    ResponseEntity<Map<String, Object>> pdf = upload("reviewer_heping", caseId, "NOTICE_PHOTO", "公示.pdf", pdf());
    assertThat(pdf.getStatusCode().value()).isEqualTo(201);

    // the case's readers: its village, township, county and supervisors; nobody of another village or township
    for (String reader : List.of("cadre_dongshan", "reviewer_heping", "approver_county", "supervisor_county")) {
      ResponseEntity<byte[]> file = api.as(reader).exchange("/api/evidence/" + id, HttpMethod.GET, null, byte[].class);
      assertThat(file.getStatusCode().value()).as(reader).isEqualTo(200);
      assertThat(file.getBody()).isEqualTo(photo);
      HttpHeaders headers = file.getHeaders();
      assertThat(headers.getContentType().toString()).isEqualTo("image/png");
      assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(headers.getFirst("Content-Security-Policy")).startsWith("sandbox");
    }
    for (String outsider : List.of("cadre_xihe", "reviewer_fumin", "handler_agri")) {
      assertThat(api.as(outsider).exchange("/api/evidence/" + id, HttpMethod.GET, null, byte[].class)
          .getStatusCode().value()).as(outsider).isEqualTo(404);
      assertThat(api.get(outsider, "/api/cases/" + caseId + "/evidence").getStatusCode().value()).as(outsider)
          .isEqualTo(404);
      assertThat(upload(outsider, caseId, "OTHER", "x.png", png(5, 5)).getStatusCode().value()).as(outsider)
          .isEqualTo(404);
    }
    // the supervisors watch the case, they do not add to it
    ResponseEntity<Map<String, Object>> watcher = upload("supervisor_county", caseId, "OTHER", "s.png", png(6, 6));
    assertThat(watcher.getStatusCode().value()).isEqualTo(403);
    assertThat(watcher.getBody().toString()).contains("只有办理本案件的");

    Map<String, Object> list = api.get("cadre_dongshan", "/api/cases/" + caseId + "/evidence").getBody();
    assertThat(list).containsEntry("canAdd", true);
    assertThat(list.get("files").toString()).contains("申请书.png", "公示.pdf", "王建国");
    assertThat(api.get("supervisor_county", "/api/cases/" + caseId + "/evidence").getBody())
        .containsEntry("canAdd", false);
    long pdfId = ((Number) pdf.getBody().get("id")).longValue();
    ResponseEntity<byte[]> download = api.as("cadre_dongshan").exchange("/api/evidence/" + pdfId, HttpMethod.GET,
        null, byte[].class);
    assertThat(download.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment");
    assertThat(api.get("cadre_dongshan", "/api/cases/" + caseId).getBody().get("audit").toString())
        .contains("decision=EVIDENCE_ADDED", "签字的申请书：申请书.png", "公示照片：公示.pdf");
    // the stored bytes are the uploaded ones, by the database's own hash
    assertThat(jdbc.queryForObject("SELECT SHA2(content, 256) FROM bf_evidence_content WHERE evidence_id = ?",
        String.class, id)).isEqualTo(sha256(photo));
  }

  // --- helpers

  private void assertRefused(long caseId, String name, byte[] content, String reason) {
    ResponseEntity<Map<String, Object>> refused = upload("cadre_dongshan", caseId, "OTHER", name, content);
    assertThat(refused.getStatusCode().value()).as(name).isEqualTo(400);
    assertThat(refused.getBody().toString()).as(name).contains(reason);
  }

  private ResponseEntity<Map<String, Object>> upload(String user, long caseId, String kind, String name,
      byte[] content) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("kind", kind);
    form.add("file", ApiClient.file(name, content));
    return api.postForm(user, "/api/cases/" + caseId + "/evidence", form);
  }

  private long openCase() {
    return ((Number) openedIdentification(DONGSHAN, "cadre_dongshan").caseFile().get("id")).longValue();
  }

  private int count(long caseId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM bf_evidence WHERE case_id = ?", Integer.class, caseId);
  }
}
