package org.bangfu.model;

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
import org.bangfu.web.ForbiddenException;
import org.bangfu.web.NotFoundException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The deployed versions of every BPMN and DMN, their XML, and the difference between two versions. */
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

  private final RepositoryService repositoryService;

  public ModelVersions(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
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
    all.sort(Comparator.comparing(Definition::type).thenComparing(Definition::key)
        .thenComparing(Definition::version, Comparator.reverseOrder()));
    return all;
  }

  public byte[] xml(String definitionId, BangfuUser user) {
    requireOwner(user);
    try (InputStream in = open(definitionId)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private InputStream open(String definitionId) {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionId(definitionId).count() == 1) {
      return repositoryService.getProcessModel(definitionId);
    }
    if (repositoryService.createDecisionDefinitionQuery().decisionDefinitionId(definitionId).count() == 1) {
      return repositoryService.getDecisionModel(definitionId);
    }
    throw new NotFoundException("流程或决策版本 " + definitionId + " 不存在");
  }

  /** Elements (by id) added, removed and changed from one version to another; the diagram layout is ignored. */
  public Diff diff(String fromId, String toId, BangfuUser user) {
    return compare(fromId, xml(fromId, user), toId, xml(toId, user));
  }

  static Diff compare(String fromId, byte[] fromXml, String toId, byte[] toXml) {
    Map<String, String[]> from = elements(fromXml);
    Map<String, String[]> to = elements(toXml);
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
      throw new ForbiddenException("只有流程管理员可以查看和比较流程版本");
    }
  }
}
