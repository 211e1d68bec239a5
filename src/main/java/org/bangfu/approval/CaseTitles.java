package org.bangfu.approval;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.casefile.CaseFile;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.household.HouseholdService;
import org.springframework.stereotype.Component;

/**
 * Whose case a line of 已办 or 抄送我的 is about: the case's id (its page) and its 户主, read once for a whole list.
 * A measure's process carries its case's number and "-M…".
 */
@Component
public class CaseTitles {

  /** A case as a list line names it. */
  public record CaseTitle(Long caseId, String businessKey, String headName) {
  }

  private final CaseFileService caseFiles;
  private final HouseholdService households;

  public CaseTitles(CaseFileService caseFiles, HouseholdService households) {
    this.caseFiles = caseFiles;
    this.households = households;
  }

  /** By the processes' business keys. */
  public Map<String, CaseTitle> byBusinessKey(Collection<String> businessKeys) {
    Map<String, String> caseNumber = new HashMap<>();
    businessKeys.stream().filter(k -> k != null).forEach(k -> caseNumber.put(k, CaseFileService.caseNumberOf(k)));
    return titles(caseFiles.byBusinessKeys(caseNumber.values().stream().distinct().toList()), caseNumber);
  }

  /** By case ids. */
  public Map<Long, CaseTitle> byCaseId(Collection<Long> caseIds) {
    Map<Long, CaseTitle> titles = new HashMap<>();
    for (Long id : caseIds.stream().distinct().toList()) {
      CaseFile c = caseFiles.find(id);
      titles.put(id, new CaseTitle(c.getId(), c.getBusinessKey(),
          households.headNames(List.of(c.getHouseholdId())).getOrDefault(c.getHouseholdId(), "")));
    }
    return titles;
  }

  private Map<String, CaseTitle> titles(List<CaseFile> cases, Map<String, String> caseNumberOfKey) {
    Map<Long, String> heads = households.headNames(cases.stream().map(CaseFile::getHouseholdId).toList());
    Map<String, CaseTitle> byNumber = new HashMap<>();
    cases.forEach(c -> byNumber.put(c.getBusinessKey(), new CaseTitle(c.getId(), c.getBusinessKey(),
        heads.getOrDefault(c.getHouseholdId(), ""))));
    Map<String, CaseTitle> titles = new HashMap<>();
    caseNumberOfKey.forEach((key, number) -> {
      if (byNumber.containsKey(number)) {
        titles.put(key, byNumber.get(number));
      }
    });
    return titles;
  }
}
