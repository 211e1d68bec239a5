package org.bangfu.casefile;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names the models give their steps, by element id, as the engine parses each deployed process (the engine's
 * parse listener records them): the case's audit names a system step as its model does, and a process owner who
 * renames a step renames it in the audit of later rows too. Element ids are unique across the models (the lint keeps
 * them meaningful); the latest parsed version's name wins.
 */
public final class StepLabels {

  private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

  private StepLabels() {
  }

  public static void record(String elementId, String name) {
    if (elementId != null && name != null && !name.isBlank()) {
      NAMES.put(elementId, name.replace('\n', ' ').trim());
    }
  }

  /** The step's name in the deployed models, or null when no deployed model has a step with that id. */
  public static String find(String elementId) {
    return elementId == null ? null : NAMES.get(elementId);
  }

  /** The step's name in its model; the process runs, so its model has been parsed. */
  public static String of(String elementId) {
    String name = NAMES.get(elementId);
    if (name == null) {
      throw new IllegalStateException("no deployed model names step " + elementId);
    }
    return name;
  }
}
