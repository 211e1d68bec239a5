package org.bangfu.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.bangfu.shared.InvalidInputException;

/**
 * What an uploaded file really is, from its bytes: a JPEG or PNG photo or scan, or a PDF — nothing else (no SVG, no
 * HTML, no Office file, whatever its name says). A name whose extension claims another type is refused, an image's
 * size is read from its header only (a "decompression bomb" with a huge canvas is refused before anything is
 * decoded), and a PDF must begin and end like one.
 */
final class FileInspection {

  /** The detected type: its MIME type and the extensions its name may carry. */
  enum FileType {
    JPEG("image/jpeg", "jpg", "jpeg"),
    PNG("image/png", "png"),
    PDF("application/pdf", "pdf");

    final String mime;
    final String[] extensions;

    FileType(String mime, String... extensions) {
      this.mime = mime;
      this.extensions = extensions;
    }

    boolean named(String fileName) {
      String lower = fileName.toLowerCase(Locale.ROOT);
      for (String extension : extensions) {
        if (lower.endsWith("." + extension)) {
          return true;
        }
      }
      return false;
    }
  }

  private FileInspection() {
  }

  static FileType inspect(String fileName, byte[] bytes, long maxPixels) {
    FileType type = detect(bytes);
    if (type == null) {
      throw InvalidInputException.of("file", "只能上传 JPG、PNG 格式的照片或扫描件，或 PDF 文件");
    }
    if (!type.named(fileName)) {
      throw InvalidInputException.of("file", "文件名“" + fileName + "”与文件内容（" + type.extensions[0].toUpperCase(Locale.ROOT)
          + "）不一致，请检查文件");
    }
    if (type == FileType.PDF) {
      String tail = new String(bytes, Math.max(0, bytes.length - 1024), Math.min(1024, bytes.length),
          java.nio.charset.StandardCharsets.ISO_8859_1);
      if (!tail.contains("%%EOF")) {
        throw InvalidInputException.of("file", "PDF 文件不完整，请重新导出后上传");
      }
    } else {
      long pixels = pixels(bytes);
      if (pixels <= 0) {
        throw InvalidInputException.of("file", "图片无法识别，请重新拍摄或扫描后上传");
      }
      if (pixels > maxPixels) {
        throw InvalidInputException.of("file", "图片尺寸过大（超过 " + maxPixels / 1_000_000 + " 百万像素），请缩小后上传");
      }
    }
    return type;
  }

  static FileType detect(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
      return FileType.JPEG;
    }
    if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
        && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
      return FileType.PNG;
    }
    if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
      return FileType.PDF;
    }
    return null;
  }

  /** Width × height from the image's header, without decoding it; 0 when no reader understands it. */
  private static long pixels(byte[] bytes) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return 0;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return (long) reader.getWidth(0) * reader.getHeight(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
