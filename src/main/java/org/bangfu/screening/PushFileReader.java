package org.bangfu.screening;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * Streams the rows of a push file, CSV (UTF-8 with or without BOM, or GB18030 as Excel saves it on a Chinese
 * Windows) or XLSX (first sheet). Nothing is loaded whole: a 1M-row file is read row by row.
 */
public abstract class PushFileReader implements Closeable {

  /** A data row as text cells, with the row number the file shows (the header is row 1). */
  public record RawRow(int rowNo, List<String> cells) {

    public boolean blank() {
      return cells.stream().allMatch(c -> c == null || c.isBlank());
    }

    /** The trimmed text under the column of this title in {@code header}; "" when there is none. */
    public String cell(List<String> header, String column) {
      int i = header.indexOf(column);
      return i < 0 || i >= cells.size() || cells.get(i) == null ? "" : cells.get(i).trim();
    }
  }

  public enum Format {
    CSV, XLSX;

    public static Format of(String fileName) {
      String name = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
      if (name.endsWith(".csv")) {
        return CSV;
      }
      if (name.endsWith(".xlsx")) {
        return XLSX;
      }
      return null;
    }
  }

  /**
   * Opens a push file that keeps to these limits: a CSV is checked as it is read (a record longer than its columns
   * can be, more columns, a longer cell: refused with the row); an XLSX must have passed {@link XlsxInspection} at
   * upload, before this reader (which trusts the file's sizes) is let near it.
   */
  public static PushFileReader open(Path file, Format format, ImportProperties.Limits limits) throws IOException {
    return format == Format.CSV ? new CsvReader(file, limits) : new XlsxReader(file, limits);
  }

  /** The column titles of the first row, trimmed. */
  public abstract List<String> header();

  /** The next data row, or null at the end of the file. */
  public abstract RawRow next() throws IOException;

  /** Skips the given number of data rows (resuming after a checkpoint). */
  public void skip(int rows) throws IOException {
    for (int i = 0; i < rows && next() != null; i++) {
      // skipped
    }
  }

  static String clean(String value) {
    if (value == null) {
      return "";
    }
    // Excel exports sometimes carry non-breaking or full-width spaces around values
    return value.replace('\u00a0', ' ').replace('\u3000', ' ').strip();
  }

  private static final class CsvReader extends PushFileReader {
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final ImportProperties.Limits limits;

    CsvReader(Path file, ImportProperties.Limits limits) throws IOException {
      this.limits = limits;
      Charset charset = detectCharset(file);
      InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
      if (charset == StandardCharsets.UTF_8) {
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xff) == 0xef && (bom[1] & 0xff) == 0xbb && (bom[2] & 0xff) == 0xbf)) {
          in.reset();
        }
      }
      // a record can be no longer than its columns' cells with quotes and commas: a longer one is refused before
      // the parser builds it (a file with no line break at all would otherwise become one string)
      Reader reader = new BoundedRecords(new InputStreamReader(in, charset),
          (long) limits.maxColumns() * (limits.maxCellChars() + 3));
      this.parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(reader);
      this.records = parser.iterator();
      this.header = records.hasNext() ? checked(records.next()) : List.of();
    }

    private List<String> checked(CSVRecord record) {
      long rowNo = record.getRecordNumber();
      if (rowNo > limits.maxRows() + 1L) {
        throw limits.tooManyRows();
      }
      if (record.size() > limits.maxColumns()) {
        throw limits.tooManyColumns(rowNo);
      }
      List<String> cells = new ArrayList<>(record.size());
      for (String value : record) {
        if (value.length() > limits.maxCellChars()) {
          throw limits.cellTooLong(rowNo);
        }
        cells.add(clean(value));
      }
      return cells;
    }

    @Override
    public List<String> header() {
      return header;
    }

    @Override
    public RawRow next() {
      while (records.hasNext()) {
        CSVRecord record = records.next();
        // the parser counts records from 1 with the header as record 1
        RawRow row = new RawRow((int) record.getRecordNumber(), checked(record));
        if (!row.blank()) {
          return row;
        }
      }
      return null;
    }

    @Override
    public void close() throws IOException {
      parser.close();
    }

    /** UTF-8 when the first 64 KB decode as UTF-8, GB18030 (a superset of GBK) otherwise. */
    static Charset detectCharset(Path file) throws IOException {
      byte[] head;
      try (InputStream in = Files.newInputStream(file)) {
        head = in.readNBytes(1 << 16);
      }
      int length = head.length;
      // do not judge a multi-byte character cut at the end of the sample
      while (length > 0 && length > head.length - 4 && (head[length - 1] & 0xc0) == 0x80) {
        length--;
      }
      if (length > 0 && (head[length - 1] & 0xc0) == 0xc0) {
        length--;
      }
      try {
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, length));
        return StandardCharsets.UTF_8;
      } catch (CharacterCodingException e) {
        return Charset.forName("GB18030");
      }
    }
  }

  private static final class XlsxReader extends PushFileReader {
    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final List<String> header;

    private final int maxColumns;

    XlsxReader(Path file, ImportProperties.Limits limits) throws IOException {
      this.maxColumns = limits.maxColumns();
      this.workbook = new ReadableWorkbook(file.toFile());
      this.stream = workbook.getFirstSheet().openStream();
      this.rows = stream.iterator();
      this.header = rows.hasNext() ? cells(rows.next()) : List.of();
    }

    @Override
    public List<String> header() {
      return header;
    }

    @Override
    public RawRow next() {
      while (rows.hasNext()) {
        Row row = rows.next();
        RawRow raw = new RawRow(row.getRowNum(), cells(row));
        if (!raw.blank()) {
          return raw;
        }
      }
      return null;
    }

    private List<String> cells(Row row) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < Math.min(row.getCellCount(), maxColumns); i++) {
        Cell cell = row.getCell(i);
        cells.add(cell == null ? "" : clean(cell.getText()));
      }
      return cells;
    }

    @Override
    public void close() throws IOException {
      try {
        stream.close();
      } finally {
        workbook.close();
      }
    }
  }

  /**
   * Counts the characters of the record being read, following CSV's quotes (a quoted line break does not end a
   * record), and refuses a record longer than {@code max} before the parser holds it.
   */
  static final class BoundedRecords extends java.io.FilterReader {
    private final long max;
    private long chars;
    private boolean quoted;
    private long line = 1;

    BoundedRecords(Reader in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        count((char) c);
      }
      return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      for (int i = 0; i < n; i++) {
        count(buffer[offset + i]);
      }
      return n;
    }

    private void count(char c) {
      if (c == '"') {
        quoted = !quoted; // an escaped quote ("") toggles twice
      } else if (c == '\n') {
        line++;
        if (!quoted) {
          chars = 0;
          return;
        }
      }
      if (++chars > max) {
        throw org.bangfu.shared.InvalidInputException.of("file", "第 " + line + " 行附近的一条记录超过 " + max
            + " 个字符（引号未配对，或没有换行），请检查文件");
      }
    }
  }

  private static final java.util.regex.Pattern LINE = java.util.regex.Pattern.compile("(?:startline|line) (\\d+)");

  /**
   * Why a file could not be read, in words a cadre understands: the CSV parser's own message is English and names
   * its classes, so only its line number is kept.
   */
  public static String unreadable(Format format, Exception e) {
    if (format == Format.XLSX) {
      return "文件无法读取：不是有效的XLSX（Excel 2007及以上）文件";
    }
    String message = String.valueOf(e.getMessage()) + (e.getCause() == null ? "" : " " + e.getCause().getMessage());
    java.util.regex.Matcher line = LINE.matcher(message);
    String at = line.find() ? "（第 " + line.group(1) + " 行起）" : "";
    if (message.contains("EOF reached before encapsulated token finished")) {
      return "文件无法读取：CSV中有未配对的引号" + at + "，请检查该行的英文双引号";
    }
    if (message.contains("Invalid character between encapsulated token and delimiter")
        || message.contains("invalid char between encapsulated token and delimiter")) {
      return "文件无法读取：CSV中引号后面紧接着其他字符" + at + "，请检查该行的英文双引号";
    }
    return "文件无法读取：CSV格式有误，请在Excel中打开后另存为“CSV UTF-8（逗号分隔）”再导入";
  }
}
