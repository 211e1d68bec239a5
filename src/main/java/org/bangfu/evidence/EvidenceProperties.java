package org.bangfu.evidence;

import org.bangfu.shared.MissingSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a case's evidence may be: the size of one file, how many files and how many bytes one case may hold, and the
 * largest image (in pixels) read. Required: a deployment decides them (application.yml has the defaults).
 */
@ConfigurationProperties(prefix = "bangfu.evidence")
public record EvidenceProperties(Long maxFileBytes, Integer maxFilesPerCase, Long maxBytesPerCase, Long maxPixels) {

  public EvidenceProperties {
    if (maxFileBytes == null || maxFilesPerCase == null || maxBytesPerCase == null || maxPixels == null) {
      throw new MissingSettingException("bangfu.evidence.max-file-bytes, max-files-per-case, max-bytes-per-case and "
          + "max-pixels must be set");
    }
  }
}
