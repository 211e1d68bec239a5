package org.bangfu.household;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface HouseholdMapper {

  Household findById(@Param("id") Long id);

  /** A page of households of a region, with the head's (unmasked) ID number and the member count. */
  List<HouseholdApi.HouseholdSummary> findSummariesInRegion(@Param("regionPrefix") String regionPrefix,
      @Param("headName") String headName, @Param("offset") int offset, @Param("limit") int limit);

  int countInRegion(@Param("regionPrefix") String regionPrefix, @Param("headName") String headName);

  void insert(Household household);

  int update(Household household);

  List<Member> findMembers(@Param("householdId") Long householdId);

  void insertMember(Member member);

  void deleteMembers(@Param("householdId") Long householdId);

  /** The ID numbers among these that are registered with another household. */
  List<String> findIdNumbersElsewhere(@Param("idNumbers") List<String> idNumbers,
      @Param("householdId") Long householdId);

  List<IncomeRecord> findIncomes(@Param("householdId") Long householdId);

  List<IncomeRecord> findIncomesBetween(@Param("householdId") Long householdId, @Param("from") String fromPeriod,
      @Param("to") String toPeriod);

  void insertIncome(IncomeRecord income);

  /** 0 rows when the household has no record for the period yet. */
  int updateIncome(IncomeRecord income);

  int countHouseholds();

  List<Household> findByIds(@Param("ids") java.util.Collection<Long> ids);

  /** The households whose 户主 has exactly this name (a search; at most the limit). */
  List<Long> findIdsByHeadName(@Param("headName") String headName, @Param("limit") int limit);

  List<Household> findByRegistryNumbers(@Param("numbers") java.util.Collection<String> numbers);

  int setRegistryNumber(@Param("id") Long id, @Param("number") String number);

  void insertChange(HouseholdChange change);

  List<HouseholdChange> findChangesInRegion(@Param("regionPrefix") String regionPrefix, @Param("offset") int offset,
      @Param("limit") int limit);

  int countChangesInRegion(@Param("regionPrefix") String regionPrefix);

  List<HouseholdChange> findChangesOfHousehold(@Param("householdId") Long householdId);

  /** The household a person with this ID number belongs to, if any. */
  Long findIdByMemberIdNumber(@Param("idNumber") String idNumber);

  List<Household> findFullByIds(@Param("ids") java.util.Collection<Long> ids);

  List<Member> findMembersOf(@Param("ids") java.util.Collection<Long> ids);

  /** The members with these ID numbers: only their household and number are read. */
  List<Member> findHolders(@Param("idNumbers") java.util.Collection<String> idNumbers);
}
