package org.bangfu.incomesupport;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface IncomeSupportMapper {

  /** A household listed by a year's survey; nothing when it is in that year's ledger already (0). */
  int insertListed(@Param("year") int year, @Param("runId") long runId, @Param("householdId") long householdId,
      @Param("villageCode") String villageCode, @Param("perCapita") BigDecimal perCapita,
      @Param("reasons") String reasons, @Param("at") LocalDateTime at);

  LedgerRow find(@Param("id") long id);

  LedgerRow findByYear(@Param("year") int year, @Param("householdId") long householdId);

  int setProcess(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

  int recordAnalysis(@Param("id") long id, @Param("perCapita") BigDecimal perCapita,
      @Param("previous") BigDecimal previous, @Param("analysis") String analysis,
      @Param("labourShort") boolean labourShort, @Param("at") LocalDateTime at);

  int recordPlan(@Param("id") long id, @Param("causes") String causes, @Param("plan") String plan,
      @Param("pairedCadre") String pairedCadre, @Param("industry") boolean industry,
      @Param("employment") boolean employment, @Param("social") boolean social, @Param("by") String by,
      @Param("caseId") Long caseId, @Param("at") LocalDateTime at);

  int recordInstructor(@Param("id") long id, @Param("instructor") String instructor,
      @Param("measures") String measures, @Param("by") String by, @Param("at") LocalDateTime at);

  int recordEmployment(@Param("id") long id, @Param("outcome") String outcome, @Param("note") String note,
      @Param("by") String by, @Param("at") LocalDateTime at);

  int recordSocial(@Param("id") long id, @Param("outcome") String outcome, @Param("note") String note,
      @Param("by") String by, @Param("at") LocalDateTime at);

  int markSupported(@Param("id") long id, @Param("at") LocalDateTime at);

  /**
   * The next survey compares: a year's rows get their households' per-head net income over the 12 months up to
   * {@code to}, where all 12 were recorded.
   */
  int recordNextYear(@Param("year") int year, @Param("from") String from, @Param("to") String to);

  /** A region's rows of a year (a county, township or village prefix), for the ledger page; one page. */
  List<LedgerRow> inRegion(@Param("year") int year, @Param("regionPrefix") String regionPrefix,
      @Param("path") String path, @Param("offset") int offset, @Param("limit") int limit);

  int countInRegion(@Param("year") int year, @Param("regionPrefix") String regionPrefix, @Param("path") String path);

  /** The survey years with rows in the region, newest first. */
  List<Integer> years(@Param("regionPrefix") String regionPrefix);
}
