package org.bangfu.registry;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface RegistryLoadMapper {

  /** Inserts the load; its id is set on the holder. */
  int insert(LoadRow load);

  RegistryLoad find(@Param("id") long id);

  List<RegistryLoad> ofCounty(@Param("county") String county);

  RegistryLoad findBySha(@Param("county") String county, @Param("sha256") String sha256);

  int insertItems(@Param("items") List<RegistryItem> items);

  List<RegistryItem> items(@Param("loadId") long loadId, @Param("action") String action, @Param("offset") int offset,
      @Param("limit") int limit);

  /** Items still to apply; those of households with an open case only with {@code openCases}. */
  List<RegistryItem> pending(@Param("loadId") long loadId, @Param("openCases") boolean openCases,
      @Param("limit") int limit);

  int markItem(@Param("id") long id, @Param("state") String state, @Param("changes") String changes);

  int markApplying(@Param("id") long id, @Param("by") String by);

  int countApplied(@Param("loadId") long loadId);

  int finish(@Param("id") long id, @Param("applied") int applied, @Param("at") java.time.LocalDateTime at);

  class LoadRow {
    public Long id;
    public String countyCode;
    public String fileName;
    public String sha256;
    public String status;
    public int rowsRead;
    public int newCount;
    public int changedCount;
    public int sameCount;
    public int errorCount;
    public int openCaseCount;
    public String loadedBy;
    public java.time.LocalDateTime loadedAt;
  }
}
