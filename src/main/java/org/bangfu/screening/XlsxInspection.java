package org.bangfu.screening;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.bangfu.shared.InvalidInputException;

/**
 * Reads an uploaded XLSX once, part by part, before the workbook reader may touch it, and refuses what could
 * exhaust the server: a part that unpacks far beyond its packed size (a zip bomb) or beyond its limit, a tag or a
 * text longer than any real workbook has, a DOCTYPE or CDATA section, more rows or columns than allowed, a cell
 * longer than Excel allows.
 *
 * <p>Why a pass of its own: the workbook reader (fastexcel) parses with Aalto, which builds a whole text or
 * attribute in memory however long it is, places a cell by its address (a cell at column 1,000,000 makes every
 * following row a million entries long) and keeps the shared strings it has read. This pass holds nothing: bytes
 * are counted as they are unpacked, and the JDK's parser, which hands out long texts in pieces, reads what the
 * byte check has already bounded.
 */
public final class XlsxInspection {

  /** No tag of a real workbook (an element with its attributes) comes near this. */
  static final int MAX_TAG_BYTES = 64 * 1024;
  /** A part may unpack to a megabyte whatever its packed size: small parts pack very well. */
  private static final long RATIO_FREE_BYTES = 1 << 20;
  private static final int MAX_ENTRIES = 1000;

  private final ImportProperties.Limits limits;
  private final XMLInputFactory xml;

  private XlsxInspection(ImportProperties.Limits limits) {
    this.limits = limits;
    // the JDK's own parser: non-coalescing, it hands out a long text in pieces (Aalto, fastexcel's, does not)
    this.xml = XMLInputFactory.newDefaultFactory();
    xml.setProperty(XMLInputFactory.IS_COALESCING, false);
    xml.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    xml.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  /** Refuses the file with the reason in words a cadre reads, or returns when it keeps to the limits. */
  public static void check(Path file, ImportProperties.Limits limits) {
    new XlsxInspection(limits).inspect(file);
  }

  private void inspect(Path file) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      if (zip.size() > MAX_ENTRIES) {
        throw refused("文件内部的部件超过 " + MAX_ENTRIES + " 个，不是常见的Excel文件");
      }
      // a ZIP of anything else (named .xlsx) has no workbook for the reader to open
      if (zip.getEntry("[Content_Types].xml") == null || zip.getEntry("xl/workbook.xml") == null) {
        throw refused("文件无法读取：不是有效的XLSX（Excel 2007及以上）文件");
      }
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName();
        if (entry.isDirectory() || !(name.endsWith(".xml") || name.endsWith(".rels"))) {
          continue; // pictures and other binary parts are never read
        }
        try (InputStream in = new Guarded(zip.getInputStream(entry), entry, limitOf(name))) {
          if (name.startsWith("xl/worksheets/")) {
            sheet(in);
          } else if (name.equals("xl/sharedStrings.xml")) {
            sharedStrings(in);
          } else {
            in.transferTo(java.io.OutputStream.nullOutputStream());
          }
        }
      }
    } catch (InvalidInputException e) {
      throw e;
    } catch (ZipException e) {
      throw refused("文件无法读取：不是有效的XLSX（Excel 2007及以上）文件");
    } catch (IOException | XMLStreamException | RuntimeException e) {
      // a refusal raised while the parser was reading may come back wrapped
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof InvalidInputException refusal) {
          throw refusal;
        }
      }
      throw refused("文件无法读取：不是有效的XLSX（Excel 2007及以上）文件，或文件已损坏");
    }
  }

  private long limitOf(String name) {
    if (name.startsWith("xl/worksheets/")) {
      return limits.maxSheetSize().toBytes();
    }
    if (name.equals("xl/sharedStrings.xml")) {
      return limits.maxSharedStringsSize().toBytes();
    }
    return limits.maxPartSize().toBytes();
  }

  /** Rows, columns (by a cell's address or its place in the row) and the length of each cell's text. */
  private void sheet(InputStream in) throws XMLStreamException {
    XMLStreamReader reader = xml.createXMLStreamReader(in);
    try {
      int rows = 0;
      int cellsInRow = 0;
      long cellChars = -1;
      while (reader.hasNext()) {
        switch (reader.next()) {
          case XMLStreamConstants.START_ELEMENT -> {
            String element = reader.getLocalName();
            if (element.equals("row")) {
              rows++;
              cellsInRow = 0;
              // the header row and the data rows
              if (rows > limits.maxRows() + 1) {
                throw limits.tooManyRows();
              }
            } else if (element.equals("c")) {
              cellsInRow++;
              int column = column(reader.getAttributeValue(null, "r"), cellsInRow);
              if (column > limits.maxColumns()) {
                throw limits.tooManyColumns(rows);
              }
              cellChars = 0;
            }
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
            if (cellChars >= 0) {
              cellChars += reader.getTextLength();
              if (cellChars > limits.maxCellChars()) {
                throw limits.cellTooLong((long) rows);
              }
            }
          }
          case XMLStreamConstants.END_ELEMENT -> {
            if (reader.getLocalName().equals("c")) {
              cellChars = -1;
            }
          }
          default -> {
            // nothing to count
          }
        }
      }
    } finally {
      reader.close();
    }
  }

  /** The length of each shared string (the reader keeps the ones it has met in memory). */
  private void sharedStrings(InputStream in) throws XMLStreamException {
    XMLStreamReader reader = xml.createXMLStreamReader(in);
    try {
      long chars = -1;
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("si")) {
          chars = 0;
        } else if (chars >= 0 && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
          chars += reader.getTextLength();
          if (chars > limits.maxCellChars()) {
            throw limits.cellTooLong(null);
          }
        }
      }
    } finally {
      reader.close();
    }
  }

  /**
   * The 1-based column of a cell from its address ("AB12" is 28), or its place in the row when it has none; an
   * address too long to be a column Excel knows counts as beyond any limit.
   */
  static int column(String address, int placeInRow) {
    if (address == null || address.isEmpty()) {
      return placeInRow;
    }
    int column = 0;
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (i >= 3) {
          return Integer.MAX_VALUE; // Excel's last column is XFD
        }
        column = column * 26 + (c - 'A' + 1);
      } else {
        break;
      }
    }
    return column == 0 ? placeInRow : column;
  }

  private static InvalidInputException refused(String reason) {
    return InvalidInputException.of("file", reason);
  }

  /**
   * A part as it unpacks: counts its bytes against its limit and its packed size, and bounds every tag and every
   * text between tags, refusing DOCTYPE and CDATA (no workbook needs them; a DOCTYPE can declare entities).
   */
  private final class Guarded extends FilterInputStream {
    private final String name;
    private final long maxBytes;
    private final long packed;
    private final long maxText;
    private long bytes;
    /** Bytes of the tag being read, or -1 between tags. */
    private long tag = -1;
    private long text;
    /** Bytes after "&lt;!" still to be checked for "--" (a comment), or 0. */
    private int bang;

    Guarded(InputStream in, ZipEntry entry, long maxBytes) {
      super(in);
      this.name = entry.getName();
      this.maxBytes = maxBytes;
      this.packed = entry.getCompressedSize();
      // a character is at most 4 bytes in UTF-8, and an entity such as &amp; is 5 for 1
      this.maxText = 6L * limits.maxCellChars();
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        check(b);
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      for (int i = 0; i < n; i++) {
        check(buffer[offset + i]);
      }
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    private void counted(int n) {
      bytes += n;
      if (bytes > maxBytes) {
        throw refused("文件内容解压后超过上限（" + partLabel() + "最多 " + maxBytes / (1024 * 1024) + " MB）");
      }
      if (packed > 0 && bytes > RATIO_FREE_BYTES && bytes > packed * limits.maxRatio()) {
        throw refused("文件的压缩比异常（解压后超过压缩前的 " + limits.maxRatio() + " 倍），可能是恶意构造的文件，已拒绝");
      }
    }

    private String partLabel() {
      if (name.startsWith("xl/worksheets/")) {
        return "每个工作表";
      }
      return name.equals("xl/sharedStrings.xml") ? "共享字符串" : "每个部件";
    }

    private void check(int b) {
      if (bang > 0) {
        if (b != '-') {
          throw refused("文件含有Excel不会写入的内容（DOCTYPE 或 CDATA），已拒绝");
        }
        bang--;
      }
      if (b == '<') {
        tag = 0;
        text = 0;
      } else if (tag >= 0) {
        if (tag == 0 && b == '!') {
          bang = 2; // only a comment may follow "<!"
        }
        if (b == '>') {
          tag = -1;
        } else if (++tag > MAX_TAG_BYTES) {
          throw refused("文件中有异常长的标记（超过 " + MAX_TAG_BYTES / 1024 + " KB），不是常见的Excel文件");
        }
      } else if (++text > maxText) {
        throw limits.cellTooLong(null);
      }
    }
  }
}
