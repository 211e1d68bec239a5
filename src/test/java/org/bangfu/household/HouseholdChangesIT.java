package org.bangfu.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.demo.DemoData.DONGSHAN;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * The registry's change log through the API on MariaDB: each changed fact of a household (户主, a member's labour
 * capacity, a member added) with who changed it, ID numbers masked; the village, its township and its county read
 * it, another village does not; households found by 户主's name within the caller's region only.
 */
class HouseholdChangesIT extends MariaDbIntegrationTest {

  @Test
  @SuppressWarnings("unchecked")
  void everyChangeIsLoggedWithItsAuthorAndTheCountySeesIt() {
    Map<String, Object> body = ApiClient.household(DONGSHAN, "ORDINARY", 7000, 0, "FULL", "FULL");
    long id = api.createHousehold("cadre_dongshan", body);
    String head = (String) body.get("headName");
    Map<String, Object> read = api.get("cadre_dongshan", "/api/households/" + id).getBody();
    Map<String, Object> edit = new HashMap<>(read);
    edit.remove("incomes");
    edit.put("headName", head + "改");
    List<Map<String, Object>> members = new ArrayList<>();
    for (Map<String, Object> m : (List<Map<String, Object>>) read.get("members")) {
      members.add(new HashMap<>(m));
    }
    members.get(1).put("labourCapacity", "WEAK");
    String child = ApiClient.newIdNumber(2016);
    members.add(Map.of("name", "新生儿", "idNumber", child, "relation", "CHILD", "labourCapacity", "NONE"));
    edit.put("members", members);
    ResponseEntity<Map<String, Object>> saved = api.put("cadre_dongshan", "/api/households/" + id, edit);
    assertThat(saved.getStatusCode().value()).as("%s", saved.getBody()).isEqualTo(200);

    List<Map<String, Object>> log = api.getList("cadre_dongshan", "/api/households/" + id + "/changes").getBody();
    String text = log.toString();
    assertThat(text).contains("field=户主姓名, oldValue=" + head + ", newValue=" + head + "改")
        .contains("劳动能力, oldValue=有劳动能力, newValue=弱劳动能力")
        .contains("field=家庭成员, oldValue=null, newValue=新生儿（子女，无劳动能力，")
        .contains("field=登记农户").contains("changedByName=王建国（东山村）")
        .doesNotContain(child).doesNotContain((String) ((List<Map<String, Object>>) body.get("members")).get(1)
            .get("idNumber"));
    assertThat(log).filteredOn(c -> !"登记农户".equals(c.get("field"))).hasSize(3);
    // saving again unchanged logs nothing
    Map<String, Object> again = new HashMap<>(saved.getBody());
    again.remove("incomes");
    api.put("cadre_dongshan", "/api/households/" + id, again);
    assertThat(api.getList("cadre_dongshan", "/api/households/" + id + "/changes").getBody()).hasSize(log.size());

    // the township and the county read who changed what in their region; another village does not
    for (String[] reader : new String[][] {{"reviewer_heping", "629901100"}, {"approver_county", "629901"},
        {"supervisor_county", "629901"}}) {
      Map<String, Object> page = api.get(reader[0], "/api/households/changes?region=" + reader[1]).getBody();
      assertThat(page.get("items").toString()).as(reader[0]).contains(head + "改", "王建国（东山村）");
    }
    assertThat(api.get("cadre_xihe", "/api/households/changes?region=" + DONGSHAN).getStatusCode().value())
        .isEqualTo(404);
    assertThat(api.get("reviewer_fumin", "/api/households/changes?region=629901100").getStatusCode().value())
        .isEqualTo(404);
    assertThat(api.get("cadre_xihe", "/api/households/" + id + "/changes").getStatusCode().value()).isEqualTo(404);

    // found by the 户主's name, within the caller's region
    Map<String, Object> found = api.get("cadre_dongshan", "/api/households?region=" + DONGSHAN + "&name="
        + head + "改").getBody();
    assertThat(found).containsEntry("total", 1);
    assertThat(found.get("items").toString()).contains(head + "改").doesNotContainPattern("\\d{17}[\\dX]");
    assertThat(api.get("cadre_xihe", "/api/households?region=629901100202&name=" + head + "改").getBody())
        .containsEntry("total", 0);
  }
}
