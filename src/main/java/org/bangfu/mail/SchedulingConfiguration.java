package org.bangfu.mail;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The outbox worker, the deadline watcher and the daily digest run on Spring's scheduler. */
@Configuration
@EnableScheduling
public class SchedulingConfiguration {
}
