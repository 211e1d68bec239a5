package org.bangfu.shared;

import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A typed process variable (in the spirit of camunda-bpm-data): the one place where a variable's name is written.
 * Workers, services and tests read and write variables through these constants.
 */
public final class Var<T> {

  private final String name;
  private final Class<T> type;

  private Var(String name, Class<T> type) {
    this.name = name;
    this.type = type;
  }

  public static Var<String> string(String name) {
    return new Var<>(name, String.class);
  }

  public static Var<Long> longVar(String name) {
    return new Var<>(name, Long.class);
  }

  public static Var<Double> doubleVar(String name) {
    return new Var<>(name, Double.class);
  }

  public static Var<Boolean> bool(String name) {
    return new Var<>(name, Boolean.class);
  }

  public static Var<Date> date(String name) {
    return new Var<>(name, Date.class);
  }

  public String name() {
    return name;
  }

  public Class<T> type() {
    return type;
  }

  /** The value, converting between number types (forms submit integers, doubles or longs). */
  public T get(VariableScope scope) {
    return convert(scope.getVariable(name));
  }

  public T getOrDefault(VariableScope scope, T fallback) {
    T value = get(scope);
    return value == null ? fallback : value;
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  /** Puts the value into a map of variables for starting a process or completing a task. */
  public void put(java.util.Map<String, Object> variables, T value) {
    variables.put(name, value);
  }

  /** Reads the value from a map of variables, as submitted with a task completion. */
  public T get(java.util.Map<String, Object> variables) {
    return convert(variables.get(name));
  }

  @SuppressWarnings("unchecked")
  T convert(Object value) {
    if (value == null || type.isInstance(value)) {
      return (T) value;
    }
    if (value instanceof Number number) {
      if (type == Long.class) {
        return (T) Long.valueOf(number.longValue());
      }
      if (type == Double.class) {
        return (T) Double.valueOf(number.doubleValue());
      }
    }
    if (type == String.class) {
      return (T) value.toString();
    }
    throw new IllegalStateException("variable " + name + " is a " + value.getClass().getSimpleName()
        + ", expected " + type.getSimpleName());
  }

  @Override
  public String toString() {
    return name;
  }
}
