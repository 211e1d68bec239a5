package org.bangfu.household;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.bangfu.household.HouseholdApi.HouseholdRequest;
import org.bangfu.household.HouseholdApi.HouseholdSummary;
import org.bangfu.household.HouseholdApi.HouseholdView;
import org.bangfu.household.HouseholdApi.IncomeRequest;
import org.bangfu.household.HouseholdApi.IncomeView;
import org.bangfu.household.HouseholdApi.MemberRequest;
import org.bangfu.household.HouseholdApi.MemberView;
import org.bangfu.household.HouseholdApi.Page;
import org.bangfu.region.Region;
import org.bangfu.region.RegionService;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.EngineClock;
import org.bangfu.shared.InvalidInputException.FieldError;
import org.bangfu.shared.InvalidInputException;
import org.bangfu.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The household registry. Callers check region access; this service checks the data. */
@Service
public class HouseholdService {

  private final HouseholdMapper households;
  private final HouseholdValidator validator;
  private final RegionService regions;

  public HouseholdService(HouseholdMapper households, HouseholdValidator validator, RegionService regions) {
    this.households = households;
    this.validator = validator;
    this.regions = regions;
  }

  public Household find(Long id) {
    Household household = households.findById(id);
    if (household == null) {
      throw new NotFoundException("农户不存在，或不在您的辖区内");
    }
    return household;
  }

  @Transactional
  /** A household registered by the system (the demo's), not by a person. */
  public Long create(HouseholdRequest request) {
    return create(request, "system");
  }

  @Transactional
  public Long create(HouseholdRequest request, String actor) {
    validator.validate(request);
    requireIdNumbersFree(request.members(), null);
    LocalDateTime now = EngineClock.now();
    Household household = new Household();
    household.setHeadName(request.headName().trim());
    household.setVillageCode(request.villageCode());
    household.setKind(request.kind());
    household.setRelocated(Boolean.TRUE.equals(request.relocated()));
    household.setAddress(request.address());
    household.setCreatedAt(now);
    household.setUpdatedAt(now);
    households.insert(household);
    insertMembers(household.getId(), request.members());
    insertIncomes(household.getId(), request.incomes() == null ? List.of() : request.incomes());
    households.insertChange(HouseholdChanges.registered(household, households.findMembers(household.getId()), actor));
    return household.getId();
  }

  /** Saves a household as the request has it; each changed fact goes to the change log with the actor. */
  @Transactional
  public void update(Long id, HouseholdRequest request, String actor) {
    Household household = find(id);
    // a copy: within the transaction MyBatis answers a repeated read with the same object, which is changed below
    Household before = HouseholdChanges.copy(household);
    List<Member> membersBefore = households.findMembers(id);
    request = withRegisteredNumbers(id, request);
    validator.validate(request);
    if (!household.getVillageCode().equals(request.villageCode())) {
      throw InvalidInputException.of("villageCode", "不能在此修改农户所在村；迁移请走迁移流程");
    }
    if (request.version() == null) {
      throw InvalidInputException.of("version", "请提交读取时的版本号（version），以免覆盖他人的修改");
    }
    if (request.incomes() != null && !request.incomes().isEmpty()) {
      throw InvalidInputException.of("incomes", "收入记录请通过“登记收入”单独添加");
    }
    requireIdNumbersFree(request.members(), id);
    household.setHeadName(request.headName().trim());
    household.setKind(request.kind());
    household.setRelocated(Boolean.TRUE.equals(request.relocated()));
    household.setAddress(request.address());
    household.setUpdatedAt(EngineClock.now());
    household.setVersion(request.version());
    if (households.update(household) == 0) {
      throw new ConflictException("农户信息已被他人修改，请刷新后重试");
    }
    households.deleteMembers(id);
    insertMembers(id, request.members());
    HouseholdChanges.between(before, membersBefore, find(id), households.findMembers(id), actor)
        .forEach(households::insertChange);
  }

  /**
   * What saving the request would change in the household, in the change log's words (nothing is saved): a load of
   * the registry shows it before it is applied. The request is validated as a save would be.
   */
  public List<HouseholdChange> wouldChange(Long id, HouseholdRequest request, String actor) {
    return wouldChange(new Registered(find(id), households.findMembers(id)), request, actor);
  }

  /** {@link #wouldChange(Long, HouseholdRequest, String)} against a household already read. */
  public List<HouseholdChange> wouldChange(Registered current, HouseholdRequest request, String actor) {
    validator.validate(request);
    Household after = HouseholdChanges.copy(current.household());
    after.setHeadName(request.headName().trim());
    after.setKind(request.kind());
    after.setRelocated(Boolean.TRUE.equals(request.relocated()));
    after.setAddress(request.address());
    List<Member> members = new ArrayList<>();
    for (MemberRequest m : request.members()) {
      Member member = new Member();
      member.setName(m.name().trim());
      member.setIdNumber(m.idNumber());
      member.setRelation(m.relation());
      member.setLabourCapacity(m.labourCapacity());
      members.add(member);
    }
    return HouseholdChanges.between(current.household(), current.members(), after, members, actor);
  }

  /** A registered household with its members, as a comparison reads it. */
  public record Registered(Household household, List<Member> members) {
  }

  /** The households of these ids with their members, read in two statements (a registry load compares many). */
  public java.util.Map<Long, Registered> registered(java.util.Collection<Long> ids) {
    java.util.Map<Long, Registered> found = new java.util.HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    java.util.Map<Long, List<Member>> members = new java.util.HashMap<>();
    households.findMembersOf(ids).forEach(m -> members.computeIfAbsent(m.getHouseholdId(), k -> new ArrayList<>())
        .add(m));
    households.findFullByIds(ids).forEach(h -> found.put(h.getId(), new Registered(h,
        members.getOrDefault(h.getId(), List.of()))));
    return found;
  }

  /** The household each of these ID numbers is registered with (number → household id), in one statement. */
  public java.util.Map<String, Long> holders(java.util.Collection<String> idNumbers) {
    java.util.Map<String, Long> found = new java.util.HashMap<>();
    if (!idNumbers.isEmpty()) {
      households.findHolders(idNumbers).forEach(m -> found.put(m.getIdNumber(), m.getHouseholdId()));
    }
    return found;
  }

  /**
   * Checks a household as a save would (the validator's rules, ID numbers not registered with another household than
   * {@code id}, null for a new one) without saving; throws what a save would refuse.
   */
  public void check(HouseholdRequest request, Long id) {
    validator.validate(request);
    requireIdNumbersFree(request.members(), id);
  }

  /** {@link #check(HouseholdRequest, Long)} with the ID numbers' holders already read ({@link #holders}). */
  public void check(HouseholdRequest request, Long id, java.util.Map<String, Long> holders) {
    validator.validate(request);
    List<String> numbers = request.members().stream().map(MemberRequest::idNumber).toList();
    refuseTaken(numbers, numbers.stream().filter(n -> holders.containsKey(n) && !holders.get(n).equals(id)).toList());
  }

  /** The households of these 户编号 (the national system's household numbers): number → id. */
  public java.util.Map<String, Long> byRegistryNumbers(java.util.Collection<String> numbers) {
    java.util.Map<String, Long> ids = new java.util.HashMap<>();
    if (!numbers.isEmpty()) {
      households.findByRegistryNumbers(numbers).forEach(h -> ids.put(h.getRegistryNumber(), h.getId()));
    }
    return ids;
  }

  /** Links a household to its 户编号; refused when another household has it. */
  @Transactional
  public void linkRegistryNumber(Long id, String number) {
    Household household = find(id);
    if (number.equals(household.getRegistryNumber())) {
      return;
    }
    if (household.getRegistryNumber() != null) {
      throw new ConflictException("该农户已有户编号 " + household.getRegistryNumber());
    }
    households.setRegistryNumber(id, number);
  }

  /** Who changed what in a region's households, newest first. */
  public Page<HouseholdChange> changes(String regionPrefix, int page, int size) {
    return new Page<>(households.findChangesInRegion(regionPrefix, page * size, size),
        households.countChangesInRegion(regionPrefix), page, size);
  }

  public List<HouseholdChange> changesOf(Long householdId) {
    find(householdId);
    return households.findChangesOfHousehold(householdId);
  }

  @Transactional
  public void addIncomes(Long id, List<IncomeRequest> incomes) {
    find(id);
    List<FieldError> errors = new ArrayList<>();
    if (incomes == null || incomes.isEmpty()) {
      errors.add(new FieldError("incomes", "请至少提交一条收入记录"));
    }
    validator.validateIncomes(errors, incomes);
    if (errors.isEmpty()) {
      var existing = households.findIncomes(id).stream().map(IncomeRecord::getPeriod).toList();
      for (int i = 0; i < incomes.size(); i++) {
        if (existing.contains(incomes.get(i).period())) {
          errors.add(new FieldError("incomes[" + i + "].period", incomes.get(i).period() + " 的收入已经登记过"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    insertIncomes(id, incomes);
  }

  /** The household as the API shows it: ID numbers masked (the full number only by a recorded reveal). */
  public HouseholdView view(Long id) {
    Household household = find(id);
    String villageName = regions.find(household.getVillageCode()).map(Region::name).orElse("");
    List<MemberView> members = households.findMembers(id).stream()
        .map(m -> new MemberView(m.getId(), m.getName(), IdNumber.mask(m.getIdNumber()), m.getRelation(),
            Relation.valueOf(m.getRelation()).label(), m.getLabourCapacity(),
            LabourCapacity.valueOf(m.getLabourCapacity()).label()))
        .toList();
    List<IncomeView> incomes = households.findIncomes(id).stream()
        .map(IncomeView::of)
        .toList();
    return new HouseholdView(id, household.getHeadName(), household.getVillageCode(), villageName,
        household.getKind(), HouseholdKind.valueOf(household.getKind()).label(), household.isRelocated(),
        household.getAddress(), members,
        incomes, household.getVersion());
  }

  /** A page of households in a region, ID numbers masked. */
  public Page<HouseholdSummary> list(String regionPrefix, int page, int size) {
    return list(regionPrefix, null, page, size);
  }

  /** A page of households in a region whose 户主's name contains {@code headName} (all when blank). */
  public Page<HouseholdSummary> list(String regionPrefix, String headName, int page, int size) {
    String name = headName == null || headName.isBlank() ? null : headName.trim();
    List<HouseholdSummary> items = households.findSummariesInRegion(regionPrefix, name, page * size, size).stream()
        .map(h -> new HouseholdSummary(h.id(), h.headName(), IdNumber.mask(h.headIdNumber()), h.villageCode(),
            h.kind(), h.memberCount()))
        .toList();
    return new Page<>(items, households.countInRegion(regionPrefix, name), page, size);
  }

  /** The 户主's names of these households, by household id. */
  public java.util.Map<Long, String> headNames(java.util.Collection<Long> ids) {
    java.util.Map<Long, String> names = new java.util.HashMap<>();
    if (!ids.isEmpty()) {
      households.findByIds(ids).forEach(h -> names.put(h.getId(), h.getHeadName()));
    }
    return names;
  }

  /** Households whose 户主 is named exactly so, newest first (at most the limit). */
  public List<Long> withHeadName(String headName, int limit) {
    return households.findIdsByHeadName(headName, limit);
  }

  /** The household of the person with exactly this ID number. */
  public java.util.Optional<Long> withMember(String idNumber) {
    return java.util.Optional.ofNullable(households.findIdByMemberIdNumber(idNumber));
  }

  /** The household's income records of the months {@code from} to {@code to}, in order. */
  public List<IncomeRecord> incomesBetween(Long householdId, java.time.YearMonth from, java.time.YearMonth to) {
    return households.findIncomesBetween(householdId, from.toString(), to.toString());
  }

  public List<Member> members(Long householdId) {
    return households.findMembers(householdId);
  }

  /** The income test value for a signal on the given date: the 12 full months before the signal's month. */
  public IncomeTest incomeTest(Long householdId, LocalDate signalDate) {
    Household household = find(householdId);
    List<IncomeRecord> records = households.findIncomesBetween(householdId,
        IncomeTest.firstMonth(signalDate).toString(), IncomeTest.lastMonth(signalDate).toString());
    BigDecimal net = records.stream().map(IncomeRecord::getNetIncome).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal rigid = records.stream().map(IncomeRecord::getRigidSpending).reduce(BigDecimal.ZERO,
        BigDecimal::add);
    return IncomeTest.of(household.getKind(), households.findMembers(householdId).size(), net, rigid,
        records.size());
  }

  /**
   * The months of the income test's window (the 12 months before the signal month) that have no income record: an
   * unknown month is not a month of no income, the cadre completes it before the test runs.
   */
  public List<String> missingIncomeMonths(Long householdId, LocalDate signalDate) {
    YearMonth from = IncomeTest.firstMonth(signalDate);
    YearMonth to = IncomeTest.lastMonth(signalDate);
    java.util.Set<String> recorded = new java.util.HashSet<>();
    households.findIncomesBetween(householdId, from.toString(), to.toString())
        .forEach(r -> recorded.add(r.getPeriod()));
    List<String> missing = new ArrayList<>();
    for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
      if (!recorded.contains(month.toString())) {
        missing.add(month.toString());
      }
    }
    return missing;
  }

  /**
   * The request with each masked ID number (as the household's GET shows it: a member sent back unchanged) replaced
   * by the number registered for that member, so that a client edits a household without ever holding the full
   * numbers. A masked number must stand for exactly one registered member of this household (by the masked form,
   * and by the name where two share it); a new member or a changed number is sent in full.
   */
  private HouseholdRequest withRegisteredNumbers(Long id, HouseholdRequest request) {
    if (request == null || request.members() == null
        || request.members().stream().noneMatch(m -> m != null && m.idNumber() != null && m.idNumber().contains("*"))) {
      return request;
    }
    List<Member> registered = new ArrayList<>(households.findMembers(id));
    List<MemberRequest> members = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < request.members().size(); i++) {
      MemberRequest m = request.members().get(i);
      if (m == null || m.idNumber() == null || !m.idNumber().contains("*")) {
        members.add(m);
        continue;
      }
      List<Member> same = registered.stream().filter(r -> IdNumber.mask(r.getIdNumber()).equals(m.idNumber()))
          .toList();
      if (same.size() > 1) {
        same = same.stream().filter(r -> r.getName().equals(m.name() == null ? null : m.name().trim())).toList();
      }
      if (same.size() != 1) {
        errors.add(new FieldError("members[" + i + "].idNumber", same.isEmpty()
            ? "隐去部分数字的身份证号码只能用于本户已登记的成员；新成员或更正的号码请填写完整的18位号码"
            : "无法确定隐去部分数字的身份证号码对应哪位成员，请填写完整的18位号码"));
        members.add(m);
        continue;
      }
      registered.remove(same.get(0));
      members.add(new MemberRequest(m.name(), same.get(0).getIdNumber(), m.relation(), m.labourCapacity()));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new HouseholdRequest(request.headName(), request.villageCode(), request.kind(), request.address(), members,
        request.incomes(), request.version(), request.relocated());
  }

  private void requireIdNumbersFree(List<MemberRequest> members, Long householdId) {
    List<String> numbers = members.stream().map(MemberRequest::idNumber).toList();
    refuseTaken(numbers, households.findIdNumbersElsewhere(numbers, householdId));
  }

  private static void refuseTaken(List<String> numbers, List<String> taken) {
    if (!taken.isEmpty()) {
      List<FieldError> errors = new ArrayList<>();
      for (int i = 0; i < numbers.size(); i++) {
        if (taken.contains(numbers.get(i))) {
          errors.add(new FieldError("members[" + i + "].idNumber",
              "身份证号码 " + IdNumber.mask(numbers.get(i)) + " 已登记在其他农户中"));
        }
      }
      throw new InvalidInputException(errors);
    }
  }

  private void insertMembers(Long householdId, List<MemberRequest> members) {
    for (MemberRequest request : members) {
      Member member = new Member();
      member.setHouseholdId(householdId);
      member.setName(request.name().trim());
      member.setIdNumber(request.idNumber());
      member.setRelation(request.relation());
      member.setLabourCapacity(request.labourCapacity());
      households.insertMember(member);
    }
  }

  private void insertIncomes(Long householdId, List<IncomeRequest> incomes) {
    for (IncomeRequest request : incomes) {
      IncomeRecord record = new IncomeRecord();
      record.setHouseholdId(householdId);
      record.setPeriod(request.period());
      record.setNetIncome(request.resolvedNetIncome());
      record.setRigidSpending(request.rigidSpending() == null ? BigDecimal.ZERO : request.rigidSpending());
      record.setNote(request.note());
      record.setBusinessIncome(request.businessIncome());
      record.setWageIncome(request.wageIncome());
      record.setPropertyIncome(request.propertyIncome());
      record.setTransferIncome(request.transferIncome());
      households.insertIncome(record);
    }
  }

  /** A month's income as observed on a follow-up visit; replaces an earlier figure for the same month. */
  @Transactional
  public void recordMonthlyIncome(Long householdId, String period, BigDecimal netIncome, BigDecimal rigidSpending,
      String note) {
    recordMonthlyIncome(householdId, new IncomeRequest(period, netIncome, rigidSpending, note));
  }

  /**
   * A month's income as a visit records it (validated by the form or the caller): by its four kinds when given, the
   * net income their sum; replaces what the month had.
   */
  public void recordMonthlyIncome(Long householdId, IncomeRequest income) {
    BigDecimal netIncome = income.resolvedNetIncome();
    BigDecimal rigidSpending = income.rigidSpending();
    String period = income.period();
    String note = income.note();
    IncomeRecord record = new IncomeRecord();
    record.setBusinessIncome(income.businessIncome());
    record.setWageIncome(income.wageIncome());
    record.setPropertyIncome(income.propertyIncome());
    record.setTransferIncome(income.transferIncome());
    record.setHouseholdId(householdId);
    record.setPeriod(period);
    record.setNetIncome(netIncome);
    record.setRigidSpending(rigidSpending);
    record.setNote(note);
    if (households.updateIncome(record) == 0) {
      households.insertIncome(record);
    }
  }

  /** Every monthly income record of the household, oldest first. */
  public List<IncomeRecord> incomes(Long householdId) {
    return households.findIncomes(householdId);
  }

  public int count() {
    return households.countHouseholds();
  }
}
