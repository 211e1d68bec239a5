package org.bangfu.message;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The outbox worker, the deadline watcher, the daily digest and the sweeps run on Spring's scheduler, four threads
 * ({@code spring.task.scheduling.pool.size}), so that a long watcher round does not hold up the messages.
 */
@Configuration
@EnableScheduling
public class SchedulingConfiguration {
}
