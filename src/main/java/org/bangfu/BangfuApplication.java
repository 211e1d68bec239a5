package org.bangfu;

import java.time.ZoneId;
import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class BangfuApplication {

  /**
   * The one time zone of the system: every time a user reads (our pages, mails, exports, Tasklist's due dates) and
   * every working-day deadline is Beijing time, whatever the server's clock is set to (docs/adr/0029).
   */
  public static final ZoneId COUNTY_TIME = ZoneId.of("Asia/Shanghai");

  public static void main(String[] args) {
    useCountyTime();
    SpringApplication.run(BangfuApplication.class, args);
  }

  /** Sets the JVM's time zone to Beijing time before anything reads the clock. */
  public static void useCountyTime() {
    TimeZone.setDefault(TimeZone.getTimeZone(COUNTY_TIME));
    System.setProperty("user.timezone", COUNTY_TIME.getId());
  }
}
