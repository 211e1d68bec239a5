package org.bangfu.policy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The policy rules (src/main/resources/policy/catalogue.yml) a test shows the software keeps. The test run reports
 * each rule with its tests' last results (target/policy/report.html).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PolicyRule {

  /** Rule ids, e.g. "R05". */
  String[] value();
}
