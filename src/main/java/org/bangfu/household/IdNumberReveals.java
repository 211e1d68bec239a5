package org.bangfu.household;

import java.util.ArrayList;
import java.util.List;
import org.bangfu.household.HouseholdApi.IdNumberReveal;
import org.bangfu.household.HouseholdApi.IdNumberRevealRequest;
import org.bangfu.shared.EngineClock;
import org.bangfu.shared.InvalidInputException;
import org.bangfu.shared.InvalidInputException.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 查看完整身份证号: every response of the API shows ID numbers masked; a user who may read a household sees one
 * member's full number only by asking for it with a reason, and who asked, when, why and for which number is written
 * to an append-only record (bf_id_number_reveal) in the same transaction, before the number is answered. Callers
 * check region access, as for reading the household.
 */
@Service
public class IdNumberReveals {

  static final int MAX_REASON = 200;

  private final HouseholdMapper households;
  private final IdNumberRevealMapper record;

  public IdNumberReveals(HouseholdMapper households, IdNumberRevealMapper record) {
    this.households = households;
    this.record = record;
  }

  @Transactional
  public IdNumberReveal reveal(Long householdId, IdNumberRevealRequest request, String userId) {
    List<FieldError> errors = new ArrayList<>();
    Long memberId = request == null ? null : request.memberId();
    String reason = request == null ? null : request.reason();
    if (memberId == null) {
      errors.add(new FieldError("memberId", "请选择要查看身份证号码的家庭成员"));
    }
    HouseholdValidator.requireText(errors, "reason", reason, "查看完整身份证号码的事由", MAX_REASON);
    Member member = memberId == null ? null : households.findMembers(householdId).stream()
        .filter(m -> memberId.equals(m.getId())).findFirst().orElse(null);
    if (memberId != null && member == null) {
      errors.add(new FieldError("memberId", "该成员不在此农户中（成员信息修改后请重新读取农户）"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    // the record keeps the number masked, as everywhere else: it says whose number was read, not the number
    record.insert(householdId, member.getId(), IdNumber.mask(member.getIdNumber()), userId, reason.trim(),
        EngineClock.now());
    return new IdNumberReveal(householdId, member.getId(), member.getName(), member.getIdNumber());
  }
}
