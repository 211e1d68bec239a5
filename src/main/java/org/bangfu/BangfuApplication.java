package org.bangfu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class BangfuApplication {
  public static void main(String[] args) {
    SpringApplication.run(BangfuApplication.class, args);
  }
}
