package org.bangfu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URL;
import java.net.URLClassLoader;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

class EngineRestSignInTest {

  /**
   * The engine a request addresses is the application's own, handed over without Camunda's look-up through the
   * service loader — shown by a thread whose class loader has no engine provider to find, where Camunda's way fails.
   */
  @Test
  void theApplicationsEngineIsHandedToARequestWithoutALookUp() throws Exception {
    ProcessEngine engine = mock(ProcessEngine.class);
    when(engine.getName()).thenReturn("default");
    EngineRestSignIn filter = new EngineRestSignIn(null, null, () -> engine); // no sign-in here
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    try (URLClassLoader nothing = new URLClassLoader(new URL[0], null)) {
      thread.setContextClassLoader(nothing);
      assertThat(filter.getAddressedEngine("default")).isSameAs(engine);
      // another engine name goes Camunda's way, which finds no provider here
      assertThatThrownBy(() -> filter.getAddressedEngine("other")).isInstanceOf(RestException.class);
    } finally {
      thread.setContextClassLoader(before);
    }
  }
}
