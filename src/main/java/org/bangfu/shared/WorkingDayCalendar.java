package org.bangfu.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Chinese working days: weekends and the State Council's public holidays are off, its make-up working days (调休) are
 * on. One data file a year, {@code calendar/cn-holidays-<year>.json}; a new year is a new file, not a code change. A
 * year without a file counts weekends only, and says so once in the log.
 */
@Component
public class WorkingDayCalendar {

  private static final Logger LOG = LoggerFactory.getLogger(WorkingDayCalendar.class);
  private static final String PATTERN = "classpath*:calendar/cn-holidays-*.json";

  private final Map<LocalDate, String> holidays = new HashMap<>();
  private final Set<LocalDate> makeUpWorkdays = new HashSet<>();
  private final Set<Integer> years = new HashSet<>();
  private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

  public WorkingDayCalendar() {
    ObjectMapper json = new ObjectMapper();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(PATTERN)) {
        try (InputStream in = resource.getInputStream()) {
          load(json.readTree(in));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the holiday calendar files", e);
    }
  }

  private void load(JsonNode year) {
    years.add(year.path("year").asInt());
    for (JsonNode holiday : year.path("holidays")) {
      LocalDate to = LocalDate.parse(holiday.path("to").asText());
      for (LocalDate day = LocalDate.parse(holiday.path("from").asText()); !day.isAfter(to); day = day.plusDays(1)) {
        holidays.put(day, holiday.path("name").asText());
      }
    }
    year.path("makeUpWorkdays").forEach(day -> makeUpWorkdays.add(LocalDate.parse(day.asText())));
  }

  public boolean isWorkingDay(LocalDate day) {
    if (!years.contains(day.getYear()) && warnedYears.add(day.getYear())) {
      LOG.warn("no holiday calendar for {}: counting weekends only (add calendar/cn-holidays-{}.json)",
          day.getYear(), day.getYear());
    }
    if (makeUpWorkdays.contains(day)) {
      return true;
    }
    if (holidays.containsKey(day)) {
      return false;
    }
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  /** The day that is this many working days after the given day (the given day itself does not count). */
  public LocalDate plusWorkingDays(LocalDate from, int workingDays) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("working days must not be negative: " + workingDays);
    }
    LocalDate day = from;
    for (int counted = 0; counted < workingDays; ) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after it. */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    int count = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }

  /** The holiday's name on that day, or null. */
  public String holidayName(LocalDate day) {
    return holidays.get(day);
  }

  public Set<Integer> years() {
    return Set.copyOf(years);
  }
}
