package org.bangfu.screening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hostile push files as an attacker would make them, small to upload and large to read: an XLSX whose one cell
 * unpacks to a gigabyte (a zip bomb), a sheet whose rows reach column 1,000,000, a shared-strings table of millions
 * of strings, a DOCTYPE declaring entities, and a CSV with no line break; with a well-formed XLSX to compare.
 */
final class CraftedPushFiles {

  /** The 医保 push's column titles (src/main/resources/imports/samples/MEDINS.csv). */
  static final List<String> MEDINS_HEADER = List.of("推送编号", "身份证号", "姓名", "结算日期", "就诊机构",
      "合规自付费用（元）");

  private CraftedPushFiles() {
  }

  /** A workbook whose first sheet is {@code sheetXml} (with {@code sharedStrings} when not null). */
  static byte[] xlsx(Writer sheetXml, Writer sharedStrings) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setLevel(Deflater.BEST_COMPRESSION);
      put(zip, "[Content_Types].xml", out -> text(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
          + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
          + ".spreadsheetml.sheet.main+xml\"/>"
          + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-"
          + "officedocument.spreadsheetml.worksheet+xml\"/>"
          + (sharedStrings == null ? "" : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/"
              + "vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")
          + "</Types>"));
      put(zip, "_rels/.rels", out -> text(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
          + "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
      put(zip, "xl/workbook.xml", out -> text(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
          + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
          + "<sheets><sheet name=\"推送\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
      put(zip, "xl/_rels/workbook.xml.rels", out -> text(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
          + "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
          + (sharedStrings == null ? "" : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/"
              + "officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>")
          + "</Relationships>"));
      put(zip, "xl/worksheets/sheet1.xml", sheetXml);
      if (sharedStrings != null) {
        put(zip, "xl/sharedStrings.xml", sharedStrings);
      }
    }
    return bytes.toByteArray();
  }

  /** A well-formed push of {@code rows} rows (inline strings), the header first. */
  static byte[] wellFormed(List<List<String>> rows) throws IOException {
    return xlsx(out -> {
      sheetStart(out);
      for (int r = 0; r < rows.size(); r++) {
        row(out, r + 1, rows.get(r));
      }
      sheetEnd(out);
    }, null);
  }

  /** One cell of the first data row holds {@code bytes} letters: packs about a thousand to one. */
  static byte[] zipBomb(long bytes) throws IOException {
    return xlsx(out -> {
      sheetStart(out);
      row(out, 1, MEDINS_HEADER);
      text(out, "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>");
      byte[] chunk = new byte[1 << 20];
      java.util.Arrays.fill(chunk, (byte) 'A');
      for (long written = 0; written < bytes; written += chunk.length) {
        out.write(chunk, 0, (int) Math.min(chunk.length, bytes - written));
      }
      text(out, "</t></is></c></row>");
      sheetEnd(out);
    }, null);
  }

  /**
   * A valid header, then the same row (one cell of {@code cellChars} letters) again and again until the sheet
   * unpacks to {@code bytes}.
   */
  static byte[] zipBombOfRows(long bytes, int cellChars) throws IOException {
    return xlsx(out -> {
      sheetStart(out);
      row(out, 1, MEDINS_HEADER);
      byte[] one = ("<row><c t=\"inlineStr\"><is><t>" + "x".repeat(cellChars) + "</t></is></c></row>")
          .getBytes(StandardCharsets.UTF_8);
      for (long written = 0; written < bytes; written += one.length) {
        out.write(one);
      }
      sheetEnd(out);
    }, null);
  }

  /** A valid header, then {@code rows} rows each with a cell at column {@code column} (1-based). */
  static byte[] farColumns(int rows, int column) throws IOException {
    String letters = columnLetters(column);
    return xlsx(out -> {
      sheetStart(out);
      row(out, 1, MEDINS_HEADER);
      for (int r = 2; r <= rows + 1; r++) {
        text(out, "<row r=\"" + r + "\"><c r=\"" + letters + r + "\" t=\"inlineStr\"><is><t>x</t></is></c></row>");
      }
      sheetEnd(out);
    }, null);
  }

  /**
   * A valid header, one data row whose name is the last of {@code strings} shared strings: reading the row makes
   * the reader load all of them.
   */
  static byte[] hugeSharedStrings(int strings) throws IOException {
    return xlsx(out -> {
      sheetStart(out);
      row(out, 1, MEDINS_HEADER);
      text(out, "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>" + (strings - 1) + "</v></c></row>");
      sheetEnd(out);
    }, out -> {
      text(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/"
          + "spreadsheetml/2006/main\" count=\"" + strings + "\" uniqueCount=\"" + strings + "\">");
      StringBuilder batch = new StringBuilder();
      for (int i = 0; i < strings; i++) {
        batch.append("<si><t>").append(Integer.toString(i, 36)).append("</t></si>");
        if (batch.length() > 1 << 16) {
          text(out, batch.toString());
          batch.setLength(0);
        }
      }
      text(out, batch + "</sst>");
    });
  }

  /** A DOCTYPE whose entities expand a billion times (the "billion laughs"). */
  static byte[] billionLaughs() throws IOException {
    return xlsx(out -> {
      StringBuilder doctype = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY l0 \"ha\">");
      for (int i = 1; i <= 9; i++) {
        doctype.append("<!ENTITY l").append(i).append(" \"");
        doctype.append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
      }
      text(out, doctype + "]>");
      text(out, "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
      row(out, 1, MEDINS_HEADER);
      text(out, "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>&l9;</t></is></c></row>");
      sheetEnd(out);
    }, null);
  }

  /** The column titles, then {@code chars} characters without a line break (as one unterminated quoted field). */
  static void endlessCsv(OutputStream out, long chars) throws IOException {
    text(out, String.join(",", MEDINS_HEADER) + "\n\"");
    byte[] chunk = new byte[1 << 20];
    java.util.Arrays.fill(chunk, (byte) 'A');
    for (long written = 0; written < chars; written += chunk.length) {
      out.write(chunk, 0, (int) Math.min(chunk.length, chars - written));
    }
  }

  static String columnLetters(int column) {
    StringBuilder letters = new StringBuilder();
    for (int c = column; c > 0; c = (c - 1) / 26) {
      letters.insert(0, (char) ('A' + (c - 1) % 26));
    }
    return letters.toString();
  }

  interface Writer {
    void write(OutputStream out) throws IOException;
  }

  private static void put(ZipOutputStream zip, String name, Writer content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    content.write(zip);
    zip.closeEntry();
  }

  private static void sheetStart(OutputStream out) throws IOException {
    text(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
  }

  private static void sheetEnd(OutputStream out) throws IOException {
    text(out, "</sheetData></worksheet>");
  }

  private static void row(OutputStream out, int r, List<String> cells) throws IOException {
    StringBuilder xml = new StringBuilder("<row r=\"").append(r).append("\">");
    for (int c = 0; c < cells.size(); c++) {
      xml.append("<c r=\"").append(columnLetters(c + 1)).append(r).append("\" t=\"inlineStr\"><is><t>")
          .append(cells.get(c).replace("&", "&amp;").replace("<", "&lt;")).append("</t></is></c>");
    }
    text(out, xml.append("</row>").toString());
  }

  private static void text(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }
}
