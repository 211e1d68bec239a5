package org.bangfu.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bangfu.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * What a pushed file may hold, checked before any row is read: hostile files are refused with the reason in
 * Chinese; a real push passes and is read.
 */
class XlsxInspectionTest {

  /** The shipped limits (application.yml). */
  static final ImportProperties.Limits SHIPPED = new ImportProperties.Limits(1_000_000, 64, 32767,
      DataSize.ofGigabytes(1), DataSize.ofMegabytes(16), DataSize.ofMegabytes(8), 200, 1000);

  @TempDir
  Path dir;

  @Test
  void aRealPushPassesAndIsReadRowByRow() throws IOException {
    List<List<String>> rows = new ArrayList<>();
    rows.add(CraftedPushFiles.MEDINS_HEADER);
    for (int i = 1; i <= 300; i++) {
      rows.add(List.of("YB-" + i, "629901197504281119", "李春生", "2026-11-14", "幸福县人民医院", "9000.00"));
    }
    Path file = write("real.xlsx", CraftedPushFiles.wellFormed(rows));
    XlsxInspection.check(file, SHIPPED);
    try (PushFileReader reader = PushFileReader.open(file, PushFileReader.Format.XLSX, SHIPPED)) {
      assertThat(reader.header()).isEqualTo(CraftedPushFiles.MEDINS_HEADER);
      int count = 0;
      PushFileReader.RawRow row;
      while ((row = reader.next()) != null) {
        assertThat(row.cells()).hasSize(6).contains("李春生");
        count++;
      }
      assertThat(count).isEqualTo(300);
    }
  }

  @Test
  void aZipBombIsRefusedByItsRatioBeforeItIsUnpacked() throws IOException {
    // rows of 30,000 letters: each within Excel's limits, the rows far fewer than allowed
    Path file = write("bomb.xlsx", CraftedPushFiles.zipBombOfRows(300L << 20, 30_000));
    assertThat(Files.size(file)).as("packs to well under a megabyte").isLessThan(1 << 20);
    assertRefused(file, SHIPPED, "压缩比异常");
  }

  @Test
  void aCellLongerThanExcelAllowsIsRefusedWhateverItsRatio() throws IOException {
    ImportProperties.Limits noRatio = new ImportProperties.Limits(1_000_000, 64, 32767, DataSize.ofGigabytes(1),
        DataSize.ofMegabytes(16), DataSize.ofMegabytes(8), Integer.MAX_VALUE, 1000);
    assertRefused(write("long-cell.xlsx", CraftedPushFiles.zipBomb(1 << 20)), noRatio, "单元格超过 32767 个字符");
  }

  @Test
  void aSheetReachingFarColumnsIsRefused() throws IOException {
    assertRefused(write("million-columns.xlsx", CraftedPushFiles.farColumns(10, 1_000_000)), SHIPPED,
        "第 2 行的列数超过上限（最多 64 列）");
    assertRefused(write("column-65.xlsx", CraftedPushFiles.farColumns(3, 65)), SHIPPED, "最多 64 列");
    XlsxInspection.check(write("column-64.xlsx", CraftedPushFiles.farColumns(3, 64)), SHIPPED);
  }

  @Test
  void aHugeSharedStringsTableIsRefused() throws IOException {
    Path file = write("sst.xlsx", CraftedPushFiles.hugeSharedStrings(2_000_000));
    assertRefused(file, SHIPPED, "共享字符串最多 16 MB");
  }

  @Test
  void aZipBombOfShortRowsIsRefusedByTheirNumber() throws IOException {
    assertRefused(write("rows.xlsx", CraftedPushFiles.zipBombOfRows(100L << 20, 1)), SHIPPED,
        "文件的行数超过上限（最多 1000000 行数据）");
  }

  @Test
  void moreRowsThanAllowedAreRefused() throws IOException {
    ImportProperties.Limits tenRows = new ImportProperties.Limits(10, 64, 32767, DataSize.ofGigabytes(1),
        DataSize.ofMegabytes(16), DataSize.ofMegabytes(8), 200, 1000);
    assertRefused(write("rows.xlsx", CraftedPushFiles.farColumns(11, 1)), tenRows, "最多 10 行数据");
    XlsxInspection.check(write("ten.xlsx", CraftedPushFiles.farColumns(10, 1)), tenRows);
  }

  @Test
  void aDoctypeIsRefusedBeforeAnyEntityIsExpanded() throws IOException {
    assertRefused(write("laughs.xlsx", CraftedPushFiles.billionLaughs()), SHIPPED, "DOCTYPE");
  }

  @Test
  void aTagLongerThanAnyWorkbookHasIsRefused() throws IOException {
    byte[] file = CraftedPushFiles.xlsx(out -> out.write(("<worksheet><sheetData><row r=\"1\" spans=\""
        + "1".repeat(100_000) + "\"/></sheetData></worksheet>").getBytes(StandardCharsets.UTF_8)), null);
    assertRefused(write("tag.xlsx", file), SHIPPED, "异常长的标记");
  }

  @Test
  void aFileThatIsNoWorkbookIsRefused() throws IOException {
    assertRefused(write("fake.xlsx", "推送编号,身份证号\n".getBytes(StandardCharsets.UTF_8)), SHIPPED,
        "不是有效的XLSX");
  }

  @Test
  void aCsvWithoutLineBreaksIsRefusedBeforeItIsHeld() throws IOException {
    Path file = dir.resolve("endless.csv");
    try (OutputStream out = Files.newOutputStream(file)) {
      CraftedPushFiles.endlessCsv(out, 10L << 20);
    }
    assertThatThrownBy(() -> readAll(file)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("第 2 行附近的一条记录超过 2097280 个字符");
  }

  @Test
  void aCsvRowWithTooManyColumnsOrATooLongCellIsRefusedWithItsRow() throws IOException {
    String header = String.join(",", CraftedPushFiles.MEDINS_HEADER);
    Path wide = write("wide.csv", (header + "\nYB-1" + ",x".repeat(64) + "\n").getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> readAll(wide)).hasMessageContaining("第 2 行的列数超过上限（最多 64 列）");
    Path longCell = write("long.csv", (header + "\nYB-1,629901197504281119,\"" + "张".repeat(40_000)
        + "\",2026-11-14,医院,1\n").getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> readAll(longCell)).hasMessageContaining("第 2 行有单元格超过 32767 个字符");
    // a quoted line break does not end a record, and a short multi-line cell is fine
    Path quoted = write("quoted.csv", (header + "\nYB-1,629901197504281119,李春生,2026-11-14,\"县医院\n住院部\",1\n")
        .getBytes(StandardCharsets.UTF_8));
    assertThat(readAll(quoted)).isEqualTo(1);
  }

  @Test
  void aColumnIsReadFromTheCellsAddress() {
    assertThat(XlsxInspection.column("A1", 5)).isEqualTo(1);
    assertThat(XlsxInspection.column("Z9", 5)).isEqualTo(26);
    assertThat(XlsxInspection.column("AA10", 5)).isEqualTo(27);
    assertThat(XlsxInspection.column("XFD1", 5)).isEqualTo(16384);
    assertThat(XlsxInspection.column("AAAA1", 5)).isEqualTo(Integer.MAX_VALUE);
    assertThat(XlsxInspection.column(null, 5)).isEqualTo(5);
    assertThat(CraftedPushFiles.columnLetters(16384)).isEqualTo("XFD");
  }

  private int readAll(Path file) throws IOException {
    try (PushFileReader reader = PushFileReader.open(file, PushFileReader.Format.CSV, SHIPPED)) {
      int rows = 0;
      while (reader.next() != null) {
        rows++;
      }
      return rows;
    }
  }

  private static void assertRefused(Path file, ImportProperties.Limits limits, String reason) {
    assertThatThrownBy(() -> XlsxInspection.check(file, limits)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(reason);
  }

  private Path write(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }
}
