package org.bangfu.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading a routing group back: its region code and, for a department group, its department. */
class CandidateGroupsTest {

  @Test
  void aGroupNamesItsRegionAndDepartment() {
    assertThat(CandidateGroups.regionCode(CandidateGroups.village("629901100201"))).isEqualTo("629901100201");
    assertThat(CandidateGroups.regionCode(CandidateGroups.township("629901100"))).isEqualTo("629901100");
    assertThat(CandidateGroups.regionCode(CandidateGroups.department("PUBLIC_SECURITY", "629901")))
        .isEqualTo("629901");
    assertThat(CandidateGroups.regionCode(CandidateGroups.ADMIN)).isNull();
    assertThat(CandidateGroups.regionCode("operators")).isNull();
    assertThat(CandidateGroups.departmentOf(CandidateGroups.department("PUBLIC_SECURITY", "629901")))
        .isEqualTo("PUBLIC_SECURITY");
    assertThat(CandidateGroups.departmentOf(CandidateGroups.county("629901"))).isNull();
    assertThat(CandidateGroups.departmentOf("dept-AGRI")).isNull();
  }
}
