package org.bangfu.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bangfu.region.CandidateGroups;
import org.bangfu.security.BangfuUser;
import org.bangfu.shared.ForbiddenException;
import org.bangfu.shared.InvalidInputException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.XmlDocuments;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The deployed versions of every BPMN, DMN and form, their content, and the difference between two versions. Camunda
 * has no query for its form definitions, so they are read from its table ACT_RE_CAMFORMDEF (read only).
 */
@Service
public class ModelVersions {

  public record Definition(String id, String type, String key, String name, int version, String resourceName) {
  }

  public record Change(String id, String type, String name) {
  }

  public record Diff(String from, String to, List<Change> added, List<Change> removed, List<Change> changed) {
  }

  private static final Set<String> DIAGRAM_NAMESPACES = Set.of("http://www.omg.org/spec/BPMN/20100524/DI",
      "http://www.omg.org/spec/DD/20100524/DC", "http://www.omg.org/spec/DD/20100524/DI",
      "https://www.omg.org/spec/DMN/20191111/DMNDI/", "http://www.omg.org/spec/DMN/20180521/DC/",
      "http://www.omg.org/spec/DMN/20180521/DI/");

  /** A deployed version's content: XML for BPMN and DMN, JSON for a form. */
  public record Content(byte[] bytes, String mediaType) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RepositoryService repositoryService;
  private final JdbcTemplate jdbc;

  public ModelVersions(RepositoryService repositoryService, JdbcTemplate jdbc) {
    this.repositoryService = repositoryService;
    this.jdbc = jdbc;
  }

  public List<Definition> definitions(BangfuUser user) {
    requireOwner(user);
    List<Definition> all = new ArrayList<>();
    for (ProcessDefinition p : repositoryService.createProcessDefinitionQuery().list()) {
      all.add(new Definition(p.getId(), "BPMN", p.getKey(), p.getName(), p.getVersion(), p.getResourceName()));
    }
    for (DecisionDefinition d : repositoryService.createDecisionDefinitionQuery().list()) {
      all.add(new Definition(d.getId(), "DMN", d.getKey(), d.getName(), d.getVersion(), d.getResourceName()));
    }
    for (FormRow f : forms(null)) {
      all.add(new Definition(f.id(), "FORM", f.key(), formTitle(read(f)), f.version(), f.resourceName()));
    }
    all.sort(Comparator.comparing(Definition::type).thenComparing(Definition::key)
        .thenComparing(Definition::version, Comparator.reverseOrder()));
    return all;
  }

  public Content content(String definitionId, BangfuUser user) {
    requireOwner(user);
    if (repositoryService.createProcessDefinitionQuery().processDefinitionId(definitionId).count() == 1) {
      return new Content(readAll(repositoryService.getProcessModel(definitionId)), "application/xml");
    }
    if (repositoryService.createDecisionDefinitionQuery().decisionDefinitionId(definitionId).count() == 1) {
      return new Content(readAll(repositoryService.getDecisionModel(definitionId)), "application/xml");
    }
    List<FormRow> form = forms(definitionId);
    if (form.size() == 1) {
      return new Content(read(form.get(0)), "application/json");
    }
    throw new NotFoundException("流程、决策或表单版本 " + definitionId + " 不存在");
  }

  /** Elements (by id) added, removed and changed from one version to another; the diagram layout is ignored. */
  public Diff diff(String fromId, String toId, BangfuUser user) {
    Content from = content(fromId, user);
    Content to = content(toId, user);
    if (!from.mediaType().equals(to.mediaType())) {
      throw InvalidInputException.of("to", "只能比较同一种模型的两个版本（流程、决策表或表单）");
    }
    return from.mediaType().equals("application/json") ? compareForms(fromId, from.bytes(), toId, to.bytes())
        : compare(fromId, from.bytes(), toId, to.bytes());
  }

  private record FormRow(String id, String key, int version, String deploymentId, String resourceName) {
  }

  private List<FormRow> forms(String id) {
    String sql = "SELECT ID_, KEY_, VERSION_, DEPLOYMENT_ID_, RESOURCE_NAME_ FROM ACT_RE_CAMFORMDEF"
        + (id == null ? "" : " WHERE ID_ = ?");
    RowMapper<FormRow> row = (rs, n) -> new FormRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
        rs.getString(5));
    return id == null ? jdbc.query(sql, row) : jdbc.query(sql, row, id);
  }

  private byte[] read(FormRow form) {
    return readAll(repositoryService.getResourceAsStream(form.deploymentId(), form.resourceName()));
  }

  private static byte[] readAll(InputStream stream) {
    try (InputStream in = stream) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A form's title: the first heading of its first text, else its id. */
  static String formTitle(byte[] json) {
    try {
      JsonNode form = JSON.readTree(json);
      for (JsonNode component : form.path("components")) {
        if ("text".equals(component.path("type").asText())) {
          String first = component.path("text").asText().strip().split("\\n", 2)[0];
          return first.replaceFirst("^#+\\s*", "");
        }
      }
      return form.path("id").asText();
    } catch (IOException e) {
      return null;
    }
  }

  /** Form fields (by id) added, removed and changed; a field's content apart from its nested fields is compared. */
  static Diff compareForms(String fromId, byte[] fromJson, String toId, byte[] toJson) {
    Map<String, String[]> from = formFields(fromJson);
    Map<String, String[]> to = formFields(toJson);
    return changes(fromId, from, toId, to);
  }

  static Map<String, String[]> formFields(byte[] json) {
    Map<String, String[]> fields = new LinkedHashMap<>();
    try {
      collectFields(JSON.readTree(json).path("components"), fields);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the form", e);
    }
    return fields;
  }

  private static void collectFields(JsonNode components, Map<String, String[]> into) {
    for (JsonNode component : components) {
      if (component.hasNonNull("id")) {
        ObjectNode own = ((ObjectNode) component).deepCopy();
        own.remove("components");
        String name = component.path("label").asText(component.path("key").asText(component.path("text").asText()));
        into.put(component.get("id").asText(), new String[] {component.path("type").asText(), name, own.toString()});
      }
      collectFields(component.path("components"), into);
    }
  }

  static Diff compare(String fromId, byte[] fromXml, String toId, byte[] toXml) {
    return changes(fromId, elements(fromXml), toId, elements(toXml));
  }

  private static Diff changes(String fromId, Map<String, String[]> from, String toId, Map<String, String[]> to) {
    List<Change> added = new ArrayList<>();
    List<Change> removed = new ArrayList<>();
    List<Change> changed = new ArrayList<>();
    to.forEach((id, element) -> {
      String[] before = from.get(id);
      if (before == null) {
        added.add(new Change(id, element[0], element[1]));
      } else if (!before[2].equals(element[2])) {
        changed.add(new Change(id, element[0], element[1]));
      }
    });
    from.forEach((id, element) -> {
      if (!to.containsKey(id)) {
        removed.add(new Change(id, element[0], element[1]));
      }
    });
    return new Diff(fromId, toId, added, removed, changed);
  }

  /** id → {type, name, signature}: each element with an id and its content apart from elements with ids. */
  static Map<String, String[]> elements(byte[] xml) {
    Map<String, String[]> elements = new LinkedHashMap<>();
    try {
      collect(XmlDocuments.parse(xml).getDocumentElement(), elements);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the model", e);
    }
    return elements;
  }

  private static void collect(Element element, Map<String, String[]> into) {
    if (DIAGRAM_NAMESPACES.contains(element.getNamespaceURI())) {
      return;
    }
    if (element.hasAttribute("id")) {
      into.put(element.getAttribute("id"), new String[] {element.getLocalName(), element.getAttribute("name"),
          signature(element)});
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child) {
        collect(child, into);
      }
    }
  }

  private static String signature(Element element) {
    StringBuilder text = new StringBuilder(element.getLocalName());
    var attributes = element.getAttributes();
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < attributes.getLength(); i++) {
      pairs.add(attributes.item(i).getNodeName() + "=" + attributes.item(i).getNodeValue());
    }
    pairs.sort(null);
    text.append(pairs);
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        if (!e.hasAttribute("id") && !DIAGRAM_NAMESPACES.contains(e.getNamespaceURI())) {
          text.append('{').append(signature(e)).append('}');
        }
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue().strip());
      }
    }
    return text.toString();
  }

  private static void requireOwner(BangfuUser user) {
    if (!user.isAdmin() && !user.inGroup(CandidateGroups.PROCESS_OWNERS)) {
      throw new ForbiddenException("只有流程管理员可以查看和比较流程、决策表和表单的版本");
    }
  }
}
