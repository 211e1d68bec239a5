package org.bangfu.casepage;

import java.util.List;
import java.util.regex.Pattern;
import org.bangfu.casefile.CaseFile;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.casepage.CaseApi.CaseHit;
import org.bangfu.catalogue.CaseStatus;
import org.bangfu.household.HouseholdService;
import org.bangfu.household.IdNumber;
import org.bangfu.security.BangfuUser;
import org.bangfu.shared.EngineClock;
import org.bangfu.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 查找案件: one box for a case number, a 户主's name or an ID number. Only exact matches are answered (no browsing
 * the registry by fragments of names), only the cases the user may read, and every search is recorded with who
 * searched, what kind, the text (an ID number masked) and how many cases were found.
 */
@Service
public class CaseSearch {

  static final int LIMIT = 50;
  private static final Pattern CASE_NUMBER = Pattern.compile("BF\\d{6}-\\d{4}-\\d{6}");
  private static final Pattern ID_LIKE = Pattern.compile("\\d{17}[\\dXx]");
  private static final Pattern NAME = Pattern.compile("[\\p{IsHan}·A-Za-z]{2,20}");

  public enum Kind { CASE_NUMBER, NAME, ID_NUMBER }

  private final CaseFileService caseFiles;
  private final HouseholdService households;
  private final CaseAccess access;
  private final CaseSearchMapper log;
  private final CaseBriefs briefs;

  public CaseSearch(CaseFileService caseFiles, HouseholdService households, CaseAccess access, CaseSearchMapper log,
      CaseBriefs briefs) {
    this.caseFiles = caseFiles;
    this.households = households;
    this.access = access;
    this.log = log;
    this.briefs = briefs;
  }

  @Transactional
  public List<CaseHit> search(String query, BangfuUser user) {
    String q = query == null ? "" : query.trim();
    Kind kind = kindOf(q);
    List<CaseFile> found = switch (kind) {
      case CASE_NUMBER -> {
        CaseFile c = caseFiles.findByBusinessKey(q.toUpperCase());
        yield c == null ? List.of() : List.of(c);
      }
      case ID_NUMBER -> caseFiles.ofHouseholds(households.withMember(q.toUpperCase()).map(List::of)
          .orElse(List.of()), LIMIT);
      case NAME -> caseFiles.ofHouseholds(households.withHeadName(q, LIMIT), LIMIT);
    };
    List<CaseHit> hits = found.stream().filter(c -> access.canRead(user, c)).map(this::hit).toList();
    log.insert(user.id(), kind.name(), kind == Kind.ID_NUMBER ? IdNumber.mask(q) : q, hits.size(),
        EngineClock.now());
    return hits;
  }

  static Kind kindOf(String q) {
    if (CASE_NUMBER.matcher(q.toUpperCase()).matches()) {
      return Kind.CASE_NUMBER;
    }
    if (ID_LIKE.matcher(q).matches()) {
      IdNumber.problem(q.toUpperCase()).ifPresent(problem -> {
        throw InvalidInputException.of("q", problem);
      });
      return Kind.ID_NUMBER;
    }
    if (NAME.matcher(q).matches()) {
      return Kind.NAME;
    }
    throw InvalidInputException.of("q", "请输入完整的案件编号（如 BF629901-2026-000007）、户主姓名或18位身份证号码");
  }

  public CaseHit hit(CaseFile c) {
    return new CaseHit(c.getId(), c.getBusinessKey(), briefs.headName(c), briefs.place(c.getVillageCode()),
        CaseStatus.valueOf(c.getStatus()).label(), c.getSignalDate());
  }
}
