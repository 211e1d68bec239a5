package org.bangfu.evidence;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface EvidenceMapper {

  /** Inserts the record; its id is set on the holder's {@code id}. */
  int insert(EvidenceRow row);

  Evidence find(@Param("id") long id);

  List<Evidence> ofCase(@Param("caseId") long caseId);

  /** How many files a case has and their bytes together. */
  List<Long> totals(@Param("caseId") long caseId);

  int countBySha(@Param("caseId") long caseId, @Param("sha256") String sha256);

  int insertContent(@Param("id") long id, @Param("content") byte[] content);

  /** The bytes of a file, in a holder: a method returning byte[] would be read by MyBatis as an array of rows. */
  Content content(@Param("id") long id);

  class Content {
    public byte[] content;
  }

  /** A mutable row for the insert, which gives back its generated id. */
  class EvidenceRow {
    public Long id;
    public Long caseId;
    public String kind;
    public String fileName;
    public String contentType;
    public long sizeBytes;
    public String sha256;
    public Long measureId;
    public String uploadedBy;
    public java.time.LocalDateTime uploadedAt;
  }
}
