package org.bangfu.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of a process as Linux counts it ({@code /proc/<pid>/stat}: user plus system time, all threads), for CPU per
 * completion: on a shared machine whose speed moves from run to run, CPU time moves much less than rates do.
 */
final class ProcessCpu {

  /** Linux's clock ticks a second ({@code getconf CLK_TCK}), 100 on every kernel this runs on. */
  private static final double TICKS_PER_SECOND = 100.0;

  private ProcessCpu() {
  }

  /** The CPU seconds the process has used so far. */
  static double seconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      // the fields after the command name in parentheses (which may hold spaces): state is field 3, utime 14, stime 15
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the CPU time of process " + pid, e);
    }
  }

  /** The CPU seconds of this JVM so far. */
  static double ofThisJvm() {
    return seconds(ProcessHandle.current().pid());
  }

  /** The process id of the MariaDB server listening on the port (its command line names the port). */
  static long databaseServer(int port) {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes.filter(p -> p.getFileName().toString().matches("\\d+")).filter(p -> {
        try {
          String command = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8)
              .replace('\0', ' ');
          return (command.contains("mariadbd") || command.contains("mysqld")) && command.contains("--port=" + port + " ");
        } catch (IOException e) {
          return false; // ended meanwhile
        }
      }).mapToLong(p -> Long.parseLong(p.getFileName().toString())).findFirst()
          .orElseThrow(() -> new IllegalStateException("no MariaDB server on port " + port));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
