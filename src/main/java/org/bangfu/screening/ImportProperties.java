package org.bangfu.screening;

import java.nio.file.Path;
import java.time.Duration;
import org.bangfu.shared.InvalidInputException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Department imports, [config]: where uploaded files are kept until processed, rows per transaction (the
 * checkpoint moves once a batch), how long a node holds an import before another may take it over after a crash,
 * whether this node processes imports at all, how long a finished import's file is kept, and the limits a pushed
 * file must keep to.
 */
@ConfigurationProperties(prefix = "bangfu.imports")
public record ImportProperties(Path dir, int batchSize, Duration lease, boolean run, Duration keepFilesFor,
    Limits limits, Double busyShare) {

  public ImportProperties {
    if (batchSize <= 0) {
      batchSize = 500;
    }
    if (lease == null || lease.isZero() || lease.isNegative()) {
      lease = Duration.ofMinutes(1);
    }
    // the file holds names and ID numbers: how long it stays is a decision, not a default
    if (keepFilesFor == null || keepFilesFor.isNegative()) {
      throw new IllegalStateException("bangfu.imports.keep-files-for is not set: how long a finished import's "
          + "file is kept (PT0S deletes it when the import ends)");
    }
    if (limits == null) {
      throw new IllegalStateException("bangfu.imports.limits is not set: the limits an uploaded file must keep to");
    }
    // how much of its time an import may work: a choice between people's waits and the import's, not a default
    if (busyShare == null || !(busyShare > 0 && busyShare <= 1)) {
      throw new IllegalStateException("bangfu.imports.busy-share must be set, above 0 and at most 1 (1: no pause "
          + "between batches; 0.5: after each batch, a pause as long as the batch took): " + busyShare);
    }
  }

  /**
   * The pause after a batch that took {@code batch}, so that the import works {@link #busyShare} of its time: at
   * most a quarter of the lease, which the next batch renews.
   */
  public Duration pauseAfter(Duration batch) {
    long nanos = (long) (batch.toNanos() * (1 / busyShare - 1));
    return Duration.ofNanos(Math.min(nanos, lease.toNanos() / 4));
  }

  /**
   * What a pushed file may hold, so that no file can exhaust the server: rows and columns, a cell's length, the
   * unpacked size of an XLSX's parts (its sheets, its shared strings, which the reader keeps in memory, and the rest)
   * and how far a part may unpack relative to its packed size; and how many rows' errors an import keeps in detail
   * (the others are counted).
   */
  public record Limits(int maxRows, int maxColumns, int maxCellChars, DataSize maxSheetSize,
      DataSize maxSharedStringsSize, DataSize maxPartSize, int maxRatio, int maxErrorRows) {

    public Limits {
      if (maxRows <= 0 || maxColumns <= 0 || maxCellChars <= 0 || maxRatio <= 0 || maxErrorRows <= 0
          || maxSheetSize == null || maxSharedStringsSize == null || maxPartSize == null) {
        throw new IllegalStateException("bangfu.imports.limits needs max-rows, max-columns, max-cell-chars, "
            + "max-sheet-size, max-shared-strings-size, max-part-size, max-ratio and max-error-rows, all positive");
      }
    }

    /** A file with more data rows than {@link #maxRows}, in words a cadre reads. */
    public InvalidInputException tooManyRows() {
      return InvalidInputException.of("file", "文件的行数超过上限（最多 " + maxRows + " 行数据），请分成几个文件导入");
    }

    /** Row {@code row} (as the file numbers it) has more columns than {@link #maxColumns}. */
    public InvalidInputException tooManyColumns(long row) {
      return InvalidInputException.of("file", "第 " + row + " 行的列数超过上限（最多 " + maxColumns + " 列）");
    }

    /** A cell longer than {@link #maxCellChars}, in row {@code row} when it is known (null: somewhere in the file). */
    public InvalidInputException cellTooLong(Long row) {
      return InvalidInputException.of("file", (row == null ? "文件中" : "第 " + row + " 行")
          + "有单元格超过 " + maxCellChars + " 个字符");
    }
  }
}
