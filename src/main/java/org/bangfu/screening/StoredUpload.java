package org.bangfu.screening;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An uploaded file copied into {@code bangfu.imports.dir} with its SHA-256, for the imports that work through a file
 * in the background (department pushes, the county's registry). Until {@link #committed()} is called — after the row
 * that refers to it is written — closing deletes this request's own files: a refused upload leaves nothing behind.
 */
public final class StoredUpload implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StoredUpload.class);

  private final String unique;
  private Path incoming;
  private Path stored;
  private final String sha256;

  private StoredUpload(Path incoming, String unique, String sha256) {
    this.incoming = incoming;
    this.unique = unique;
    this.sha256 = sha256;
  }

  /** Copies the upload into {@code dir} under a name of its own (prefix + a unique part + ".part"). */
  public static StoredUpload receive(Path dir, String prefix, InputStream content) throws IOException {
    Files.createDirectories(dir);
    Path incoming = Files.createTempFile(dir, prefix, ".part");
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(content, digest)) {
        Files.copy(in, incoming, StandardCopyOption.REPLACE_EXISTING);
      }
      String name = incoming.getFileName().toString();
      return new StoredUpload(incoming, name.substring(prefix.length(), name.length() - ".part".length()),
          HexFormat.of().formatHex(digest.digest()));
    } catch (IOException | RuntimeException e) {
      deleteQuietly(incoming);
      throw e;
    } catch (NoSuchAlgorithmException e) {
      deleteQuietly(incoming);
      throw new IllegalStateException(e);
    }
  }

  /** The file as received (before {@link #keep}) or as kept. */
  public Path path() {
    return stored != null ? stored : incoming;
  }

  public String sha256() {
    return sha256;
  }

  /** An XLSX upload is inspected before anything reads it (size, entries, compression ratio). */
  public void inspect(PushFileReader.Format format, ImportProperties.Limits limits) throws IOException {
    if (format == PushFileReader.Format.XLSX) {
      XlsxInspection.check(path(), limits);
    }
  }

  /**
   * Gives the file its lasting name: {@code prefix}, this upload's unique part, {@code suffix} (two requests storing
   * the same file at once never share, and lose, one name). Answers the path to record.
   */
  public Path keep(String prefix, String suffix) throws IOException {
    stored = incoming.resolveSibling(prefix + unique + suffix);
    Files.move(incoming, stored);
    incoming = null;
    return stored;
  }

  /** The row referring to the kept file is written: closing leaves the file. */
  public void committed() {
    stored = null;
  }

  @Override
  public void close() {
    deleteQuietly(incoming);
    deleteQuietly(stored);
  }

  private static void deleteQuietly(Path path) {
    if (path != null) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        LOG.warn("cannot delete {}", path, e);
      }
    }
  }
}
