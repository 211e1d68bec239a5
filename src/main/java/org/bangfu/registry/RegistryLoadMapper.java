package org.bangfu.registry;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface RegistryLoadMapper {

  /** Inserts the load; its id is set on the holder. */
  int insert(LoadRow load);

  RegistryLoad find(@Param("id") long id);

  /** Where a load's uploaded file is kept while it is read (null once read). */
  StoredFile storedFile(@Param("id") long id);

  List<RegistryLoad> ofCounty(@Param("county") String county);

  /** The latest load of this file still to be read or applied (a failed one is uploaded again). */
  RegistryLoad findBySha(@Param("county") String county, @Param("sha256") String sha256);

  int insertItems(@Param("items") List<RegistryItem> items);

  List<RegistryItem> items(@Param("loadId") long loadId, @Param("action") String action, @Param("offset") int offset,
      @Param("limit") int limit);

  /** The refused households and those applying left alone, for the error report. */
  List<RegistryItem> problems(@Param("loadId") long loadId, @Param("limit") int limit);

  /** Items still to apply; those of households with an open case only with {@code openCases}. */
  List<RegistryItem> pending(@Param("loadId") long loadId, @Param("openCases") boolean openCases,
      @Param("limit") int limit);

  int markItem(@Param("id") long id, @Param("state") String state, @Param("changes") String changes);

  /** Loads being read or applied whose node is not holding them (new, or its lease ran out). */
  List<Long> findClaimable(@Param("now") LocalDateTime now);

  int claim(@Param("id") long id, @Param("owner") String owner, @Param("now") LocalDateTime now,
      @Param("until") LocalDateTime until);

  /** A chunk read: counters moved and the lease renewed, only while {@code owner} holds the load. */
  int advanceRead(@Param("id") long id, @Param("owner") String owner, @Param("until") LocalDateTime until,
      @Param("c") ChunkCounts counts);

  /** A chunk applied: counters moved and the lease renewed, only while {@code owner} holds the load. */
  int advanceApply(@Param("id") long id, @Param("owner") String owner, @Param("until") LocalDateTime until,
      @Param("applied") int applied, @Param("skipped") int skipped);

  int finishRead(@Param("id") long id, @Param("owner") String owner);

  int finishApply(@Param("id") long id, @Param("owner") String owner, @Param("status") String status,
      @Param("at") LocalDateTime at);

  int fail(@Param("id") long id, @Param("owner") String owner, @Param("failure") String failure);

  /** A county user's word to apply: only a load read (or held, or failed while applying), not one in progress. */
  int requestApply(@Param("id") long id, @Param("by") String by, @Param("openCases") boolean openCases);

  class LoadRow {
    public Long id;
    public String countyCode;
    public String fileName;
    public String sha256;
    public String storedPath;
    public String fileFormat;
    public int rowsRead;
    public int householdsTotal;
    public String loadedBy;
    public LocalDateTime loadedAt;
  }

  /** A load's file and where its reading stands. */
  record StoredFile(String countyCode, String storedPath, String fileFormat, int householdsRead, String loadedBy) {
  }

  /** What one chunk of reading found. */
  class ChunkCounts {
    public int households;
    public int newCount;
    public int changedCount;
    public int sameCount;
    public int errorCount;
    public int openCaseCount;
  }
}
