package org.bangfu.bench;

import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;

/**
 * A second engine node for {@link TimerBench} as a JVM of its own, to be killed with SIGKILL mid-burst: our engine
 * configuration on the database of {@code args[0]}, its job executor (lock owner {@code args[1]}, lock time
 * {@code args[2]} ms) running until the process dies.
 */
public final class JobNode {

  private JobNode() {
  }

  public static void main(String[] args) throws InterruptedException {
    BenchLogging.quiet();
    StandaloneProcessEngineConfiguration configuration = BenchEngine.ours(args[0]);
    configuration.setProcessEngineName("job-node-" + args[1]);
    configuration.getJobExecutor().setLockOwner(args[1]);
    configuration.getJobExecutor().setLockTimeInMillis(Integer.parseInt(args[2]));
    configuration.buildProcessEngine();
    configuration.getJobExecutor().start();
    System.out.println("job node " + args[1] + " running");
    Thread.sleep(Long.MAX_VALUE);
  }
}
