package org.bangfu.approval;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The approver operations' own records: returns with their snapshots, copies (抄送), standing delegations. */
@Mapper
public interface ApprovalMapper {

  /** A return (退回) and what the variables were when it happened. */
  record TaskReturnRecord(Long id, Long caseId, String processInstanceId, String fromActivity, String fromName,
      String toActivity, String toName, String reasonCode, String comment, String returnedBy,
      LocalDateTime returnedAt, String snapshot, String resubmittedTaskId, LocalDateTime resubmittedAt) {
  }

  /** A read-only copy of a case's step sent to a colleague. */
  record CarbonCopy(Long id, Long caseId, String taskId, String stepName, String recipient, String note,
      String sentBy, LocalDateTime sentAt, LocalDateTime readAt) {
  }

  /** A stand-in for an absent user over a range of days. */
  record StandingDelegation(Long id, String absentUser, String standIn, LocalDate firstDay, LocalDate lastDay,
      String reason, String createdBy, LocalDateTime createdAt, LocalDateTime cancelledAt) {
  }

  void insertReturn(@Param("r") TaskReturnRecord record);

  /** The latest return of a step of an instance not yet shown on a resubmission. */
  TaskReturnRecord openReturn(@Param("processInstanceId") String processInstanceId,
      @Param("fromActivity") String fromActivity);

  int markResubmitted(@Param("id") Long id, @Param("taskId") String taskId, @Param("at") LocalDateTime at);

  List<TaskReturnRecord> returnsOfInstance(@Param("processInstanceId") String processInstanceId);

  int insertCopy(@Param("c") CarbonCopy copy);

  List<CarbonCopy> copiesTo(@Param("recipient") String recipient, @Param("limit") int limit);

  CarbonCopy findCopy(@Param("id") Long id);

  int markCopyRead(@Param("id") Long id, @Param("at") LocalDateTime at);

  void insertDelegation(@Param("d") StandingDelegation delegation);

  StandingDelegation findDelegation(@Param("id") Long id);

  int cancelDelegation(@Param("id") Long id, @Param("at") LocalDateTime at);

  /** Delegations in force on a day (not cancelled), of the given absent users (all when null). */
  List<StandingDelegation> delegationsOn(@Param("day") LocalDate day, @Param("absentUsers") List<String> absentUsers);

  /** Delegations that ended before a day and are not cancelled (their stand-in links are to be removed). */
  List<StandingDelegation> delegationsEndedBefore(@Param("day") LocalDate day);

  /** Delegations an absent user or a stand-in is part of, newest first. */
  List<StandingDelegation> delegationsOf(@Param("user") String user);
}
