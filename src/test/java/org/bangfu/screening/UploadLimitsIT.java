package org.bangfu.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bangfu.testing.AppNode;
import org.bangfu.testing.EmbeddedMariaDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile push files against the application on a small server: a separate JVM with a 256 MB heap (demo profile,
 * its own database), as a department handler uploads them. Each file is refused with its reason in Chinese, the
 * JVM stays up and answers at once, and a real push is imported after them. Before the limits, an 817 KB XLSX took a
 * server with a 1 GB heap down (OutOfMemoryError in Tomcat's thread, every later request hanging).
 */
class UploadLimitsIT {

  private static final String HEAP = "256m";

  private AppNode node;

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void craftedFilesAreRefusedAndTheServerKeepsAnswering() throws Exception {
    String url = EmbeddedMariaDb.createDatabase("bangfu_uploads");
    Path work = Files.createTempDirectory("bangfu-uploads-");
    node = AppNode.startWithHeap(url, work, 1, HEAP);

    Path endless = work.resolve("endless.csv");
    try (OutputStream out = Files.newOutputStream(endless)) {
      CraftedPushFiles.endlessCsv(out, 150L << 20);
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("one-cell-of-1GB.xlsx", CraftedPushFiles.zipBomb(1L << 30));
    files.put("short-rows-to-1GB.xlsx", CraftedPushFiles.zipBombOfRows(1L << 30, 1));
    files.put("long-rows-to-1GB.xlsx", CraftedPushFiles.zipBombOfRows(1L << 30, 30_000));
    files.put("column-1000000.xlsx", CraftedPushFiles.farColumns(2_000, 1_000_000));
    files.put("shared-strings-3M.xlsx", CraftedPushFiles.hugeSharedStrings(3_000_000));
    files.put("billion-laughs.xlsx", CraftedPushFiles.billionLaughs());
    files.put("no-line-break-150MB.csv", Files.readAllBytes(endless));
    Map<String, String> reasons = Map.of(
        "one-cell-of-1GB.xlsx", "单元格超过 32767 个字符",
        "short-rows-to-1GB.xlsx", "行数超过上限",
        "long-rows-to-1GB.xlsx", "压缩比异常",
        "column-1000000.xlsx", "列数超过上限",
        "shared-strings-3M.xlsx", "共享字符串最多 16 MB",
        "billion-laughs.xlsx", "DOCTYPE",
        "no-line-break-150MB.csv", "超过 2097280 个字符");

    System.out.printf("%nhostile uploads to a node with -Xmx%s%n%-28s %12s %8s %10s%n", HEAP, "file", "bytes", "status",
        "answer ms");
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      long sent = System.nanoTime();
      HttpResponse<String> response = upload(file.getKey(), file.getValue());
      long millis = (System.nanoTime() - sent) / 1_000_000;
      System.out.printf("%-28s %,12d %8d %,10d%n", file.getKey(), file.getValue().length, response.statusCode(),
          millis);
      assertThat(response.statusCode()).as(file.getKey() + ": " + response.body()).isEqualTo(400);
      assertThat(response.body()).as(file.getKey()).contains(reasons.get(file.getKey()));
      assertThat(node.alive()).as("the node after " + file.getKey()).isTrue();
      assertThat(node.get("approver_county", "/api/me")).as("the node answers after " + file.getKey())
          .contains("approver_county");
    }
    System.out.printf("peak resident memory of the node: %s%n", peakResident(node.pid()));

    // and a real push goes through afterwards
    String sample = node.get("handler_medins", "/api/imports/layouts/MEDINS/sample.csv");
    HttpResponse<String> accepted = upload("MEDINS-sample.csv", sample.getBytes(StandardCharsets.UTF_8));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    try (var listed = Files.list(work.resolve("imports"))) {
      assertThat(listed.filter(f -> !f.getFileName().toString().startsWith("MEDINS-")).toList())
          .as("no refused file left behind").isEmpty();
    }
  }

  private HttpResponse<String> upload(String fileName, byte[] content) throws Exception {
    return node.upload("handler_medins", "MEDINS", fileName, content);
  }

  /** VmHWM of /proc: the most memory the node's process held at once. */
  private static String peakResident(long pid) throws java.io.IOException {
    return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmHWM"))
        .map(l -> l.substring(6).strip()).findFirst().orElse("unknown");
  }
}
