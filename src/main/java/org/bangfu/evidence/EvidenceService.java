package org.bangfu.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.bangfu.casefile.CaseFile;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.casepage.CaseAccess;
import org.bangfu.measure.MeasureService;
import org.bangfu.security.BangfuUser;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.EngineClock;
import org.bangfu.shared.ForbiddenException;
import org.bangfu.shared.InvalidInputException;
import org.bangfu.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evidence of a case: added by those who work on it (its village, township, county, a department with a measure
 * in it), read by everyone who may read the case, and by nobody else — a file of another region is "not found".
 * A file is inspected before it is kept ({@link FileInspection}), kept with its SHA-256, and its addition is in the
 * case's audit; nothing is ever deleted or replaced.
 */
@Service
@EnableConfigurationProperties(EvidenceProperties.class)
public class EvidenceService {

  private static final Logger LOG = LoggerFactory.getLogger(EvidenceService.class);

  private final EvidenceMapper mapper;
  private final EvidenceStore store;
  private final CaseFileService caseFiles;
  private final CaseAccess access;
  private final MeasureService measures;
  private final EvidenceProperties properties;

  public EvidenceService(EvidenceMapper mapper, EvidenceStore store, CaseFileService caseFiles, CaseAccess access,
      MeasureService measures, EvidenceProperties properties) {
    this.mapper = mapper;
    this.store = store;
    this.caseFiles = caseFiles;
    this.access = access;
    this.measures = measures;
    this.properties = properties;
  }

  /** The file's record once kept; the bytes are the whole upload (the request's size limit comes first). */
  @Transactional
  public Evidence add(long caseId, String kind, Long measureId, String fileName, byte[] content, BangfuUser user) {
    CaseFile caseFile = readable(caseId, user);
    if (!access.worksOn(user, caseFile)) {
      throw new ForbiddenException("只有办理本案件的村、乡镇、县级或部门人员可以上传证明材料");
    }
    EvidenceKind evidenceKind = kind(kind);
    if (measureId != null && measures.forCase(caseId).stream().noneMatch(m -> measureId.equals(m.getId()))) {
      throw InvalidInputException.of("measureId", "该帮扶措施不属于本案件");
    }
    String name = fileName(fileName);
    if (content == null || content.length == 0) {
      throw InvalidInputException.of("file", "请选择要上传的文件");
    }
    if (content.length > properties.maxFileBytes()) {
      throw InvalidInputException.of("file", "文件超过 " + mb(properties.maxFileBytes()) + "，请压缩或缩小后上传");
    }
    FileInspection.FileType type = FileInspection.inspect(name, content, properties.maxPixels());
    String sha256 = sha256(content);
    List<Long> totals = mapper.totals(caseId);
    if (totals.get(0) >= properties.maxFilesPerCase()) {
      throw new ConflictException("本案件的证明材料已达 " + properties.maxFilesPerCase() + " 个，不能再上传");
    }
    if (totals.get(1) + content.length > properties.maxBytesPerCase()) {
      throw new ConflictException("本案件的证明材料合计将超过 " + mb(properties.maxBytesPerCase()) + "，不能再上传");
    }
    if (mapper.countBySha(caseId, sha256) > 0) {
      throw new ConflictException("同一个文件已经上传过");
    }
    EvidenceMapper.EvidenceRow row = new EvidenceMapper.EvidenceRow();
    row.caseId = caseId;
    row.kind = evidenceKind.name();
    row.fileName = name;
    row.contentType = type.mime;
    row.sizeBytes = content.length;
    row.sha256 = sha256;
    row.measureId = measureId;
    row.uploadedBy = user.id();
    row.uploadedAt = EngineClock.now();
    mapper.insert(row);
    store.put(row.id, content);
    caseFiles.audit(caseId, "evidence", "证明材料", "EVIDENCE_ADDED",
        evidenceKind.label() + "：" + name + "（" + kb(content.length) + "，SHA-256 " + sha256.substring(0, 12) + "…）",
        user.id(), null);
    LOG.info("evidence {} ({}, {} bytes) added to case {} by {}", row.id, type, content.length, caseId, user.id());
    return mapper.find(row.id);
  }

  public boolean canAdd(long caseId, BangfuUser user) {
    return access.worksOn(user, readable(caseId, user));
  }

  public List<Evidence> ofCase(long caseId, BangfuUser user) {
    readable(caseId, user);
    return mapper.ofCase(caseId);
  }

  /** A file and its bytes, for a user who may read its case; checked against its checksum on the way out. */
  public record File(Evidence evidence, byte[] content) {
  }

  public File read(long id, BangfuUser user) {
    Evidence evidence = mapper.find(id);
    if (evidence == null) {
      throw new NotFoundException("证明材料不存在，或不在您的辖区内");
    }
    CaseFile caseFile = caseFiles.findIfPresent(evidence.caseId());
    if (caseFile == null || !access.canRead(user, caseFile)) {
      throw new NotFoundException("证明材料不存在，或不在您的辖区内");
    }
    byte[] content = store.get(id);
    if (!sha256(content).equals(evidence.sha256())) {
      throw new IllegalStateException("evidence " + id + " does not match its checksum");
    }
    return new File(evidence, content);
  }

  private CaseFile readable(long caseId, BangfuUser user) {
    CaseFile caseFile = caseFiles.findIfPresent(caseId);
    if (caseFile == null || !access.canRead(user, caseFile)) {
      throw new NotFoundException("案件不存在，或不在您的辖区内");
    }
    return caseFile;
  }

  private static EvidenceKind kind(String kind) {
    try {
      return EvidenceKind.valueOf(kind);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw InvalidInputException.of("kind", "请选择材料类型（申请书、授权承诺书、公示照片、措施落实凭证、回访照片或其他材料）");
    }
  }

  /** The name as a user gave it, without any folder, at most 200 characters. */
  static String fileName(String fileName) {
    String name = fileName == null ? "" : fileName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).strip();
    name = name.replaceAll("[\\p{Cntrl}\"<>]", "");
    if (name.isEmpty()) {
      throw InvalidInputException.of("file", "文件没有名称");
    }
    return name.length() <= 200 ? name : name.substring(name.length() - 200);
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String mb(long bytes) {
    return (bytes / (1024 * 1024)) + " MB";
  }

  private static String kb(long bytes) {
    return bytes < 1024 * 1024 ? Math.max(1, bytes / 1024) + " KB" : String.format("%.1f MB", bytes / 1048576.0);
  }
}
