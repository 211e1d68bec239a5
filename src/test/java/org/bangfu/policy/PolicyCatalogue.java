package org.bangfu.policy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

/**
 * The policy catalogue and the markers that link its rules to the models, the configuration and the tests — read
 * from the files themselves, so nothing is kept by hand twice.
 */
public final class PolicyCatalogue {

  /**
   * A catalogued rule: {@code kind} is 政策原文, 国家程序, 数据规则 or 本系统程序; {@code examples}, whether the models carry example
   * figures for it that a province replaces with its own.
   */
  public record Rule(String id, String title, String kind, boolean examples, String source, String text) {
  }

  /** The kinds of source a rule may have. */
  public static final java.util.Set<String> KINDS = java.util.Set.of("政策原文", "国家程序", "数据规则", "本系统程序");

  /** Where a marker was found: "BPMN RiskIdentificationProcess / Activity_VerifyHousehold 入户核实". */
  public record Marker(String ruleId, String where) {
  }

  static final Pattern DMN_MARKER = Pattern.compile("\\[policy:\\s*([^\\]]+)]");
  static final Pattern YML_MARKER = Pattern.compile("^\\s*#\\s*\\[policy:\\s*([^\\]]+)]\\s*$");
  static final Pattern RULE_ID = Pattern.compile("R\\d{2}");

  private final Map<String, Rule> rules = new LinkedHashMap<>();
  private final List<Marker> elements = new ArrayList<>();
  private final List<Marker> tests = new ArrayList<>();

  private PolicyCatalogue() {
  }

  /** Reads the catalogue, the models in {@code processes/}, application.yml and the compiled test classes. */
  @SuppressWarnings("unchecked")
  public static PolicyCatalogue load(Path projectDir) throws IOException {
    PolicyCatalogue catalogue = new PolicyCatalogue();
    try (InputStream in = Files.newInputStream(projectDir.resolve("src/main/resources/policy/catalogue.yml"))) {
      Map<String, Object> yaml = new Yaml().load(in);
      for (Map<String, Object> r : (List<Map<String, Object>>) yaml.get("rules")) {
        Rule rule = new Rule(String.valueOf(r.get("id")), (String) r.get("title"), (String) r.get("kind"),
            Boolean.TRUE.equals(r.get("examples")), (String) r.get("source"), (String) r.get("text"));
        if (catalogue.rules.put(rule.id(), rule) != null) {
          throw new IllegalStateException("政策规则编号重复：" + rule.id());
        }
      }
    }
    try (Stream<Path> files = Files.list(projectDir.resolve("processes"))) {
      for (Path file : files.sorted().toList()) {
        if (file.toString().endsWith(".bpmn")) {
          catalogue.scanBpmn(file);
        } else if (file.toString().endsWith(".dmn")) {
          catalogue.scanDmn(file);
        }
      }
    }
    catalogue.scanYaml(projectDir.resolve("src/main/resources/application.yml"));
    catalogue.scanTests(projectDir.resolve("target/test-classes"));
    return catalogue;
  }

  private void scanBpmn(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    String process = file.getFileName().toString().replace(".bpmn", "");
    for (CamundaProperty property : model.getModelElementsByType(CamundaProperty.class)) {
      if (!"policyRules".equals(property.getCamundaName())) {
        continue;
      }
      ModelElementInstance element = property.getParentElement().getParentElement().getParentElement();
      String id = element.getAttributeValue("id");
      String name = element.getAttributeValue("name");
      for (String rule : ids(property.getCamundaValue())) {
        elements.add(new Marker(rule, "BPMN " + process + " / " + id + (name == null ? "" : " " + name)));
      }
    }
  }

  private void scanDmn(Path file) throws IOException {
    try {
      org.w3c.dom.Document document = org.bangfu.shared.XmlDocuments.parse(Files.readAllBytes(file));
      NodeList rules = document.getElementsByTagNameNS("*", "rule");
      for (int i = 0; i < rules.getLength(); i++) {
        Element rule = (Element) rules.item(i);
        NodeList descriptions = rule.getElementsByTagNameNS("*", "description");
        if (descriptions.getLength() == 0) {
          continue;
        }
        String description = descriptions.item(0).getTextContent();
        Matcher marker = DMN_MARKER.matcher(description);
        if (marker.find()) {
          Element decision = (Element) rule.getParentNode().getParentNode();
          String label = DMN_MARKER.matcher(description).replaceAll("").trim();
          for (String id : ids(marker.group(1))) {
            elements.add(new Marker(id, "DMN " + decision.getAttribute("id") + " / " + rule.getAttribute("id")
                + (label.isEmpty() ? "" : " " + label)));
          }
        }
      }
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("cannot read " + file, e);
    }
  }

  /** "# [policy: R11]" above a key: the marker names the key's full path. */
  private void scanYaml(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<String> path = new ArrayList<>();
    List<Integer> indents = new ArrayList<>();
    List<String> pending = List.of();
    for (String line : lines) {
      Matcher marker = YML_MARKER.matcher(line);
      if (marker.matches()) {
        pending = ids(marker.group(1));
        continue;
      }
      Matcher key = Pattern.compile("^(\\s*)([a-zA-Z0-9_.-]+):").matcher(line);
      if (line.trim().startsWith("#") || !key.find()) {
        continue;
      }
      int indent = key.group(1).length();
      while (!indents.isEmpty() && indents.get(indents.size() - 1) >= indent) {
        indents.remove(indents.size() - 1);
        path.remove(path.size() - 1);
      }
      indents.add(indent);
      path.add(key.group(2));
      for (String id : pending) {
        elements.add(new Marker(id, "配置 " + String.join(".", path)));
      }
      pending = List.of();
    }
  }

  private void scanTests(Path classes) throws IOException {
    if (!Files.isDirectory(classes)) {
      return;
    }
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
        String name = classes.relativize(file).toString().replace(".class", "").replace('/', '.');
        Class<?> type;
        try {
          type = Class.forName(name, false, PolicyCatalogue.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
          continue;
        }
        for (Method method : type.getDeclaredMethods()) {
          PolicyRule annotation = method.getAnnotation(PolicyRule.class);
          if (annotation != null) {
            for (String id : annotation.value()) {
              tests.add(new Marker(id, type.getSimpleName() + "#" + method.getName()));
            }
          }
        }
      }
    }
  }

  static List<String> ids(String text) {
    return Stream.of(text.trim().split("[\\s,，]+")).filter(s -> !s.isEmpty()).toList();
  }

  public Map<String, Rule> rules() {
    return rules;
  }

  public List<Marker> elements() {
    return elements;
  }

  public List<Marker> tests() {
    return tests;
  }

  public List<String> elementsOf(String ruleId) {
    return elements.stream().filter(m -> m.ruleId().equals(ruleId)).map(Marker::where).toList();
  }

  public List<String> testsOf(String ruleId) {
    return tests.stream().filter(m -> m.ruleId().equals(ruleId)).map(Marker::where).toList();
  }

  /** Markers naming a rule the catalogue does not have, by rule id. */
  public Map<String, List<String>> unknownMarkers() {
    Map<String, List<String>> unknown = new TreeMap<>();
    Stream.concat(elements.stream(), tests.stream()).filter(m -> !rules.containsKey(m.ruleId()))
        .forEach(m -> unknown.computeIfAbsent(m.ruleId(), k -> new ArrayList<>()).add(m.where()));
    return unknown;
  }
}
