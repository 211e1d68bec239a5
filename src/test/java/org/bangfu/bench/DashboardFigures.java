package org.bangfu.bench;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.bangfu.supervision.OpenTaskCounts;
import org.bangfu.supervision.SupervisionMapper;
import org.bangfu.supervision.SupervisionMapper.TaskCount;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * Scenario 4, the supervision dashboard of a county (open, due within 3 days and overdue tasks by candidate group and
 * step) over the open tasks of an InboxBench engine: <b>stock</b>, the engine's task query API, a count per group and
 * step and per figure (without the authorization join: no user is signed in, as for an administrator — the favourable
 * case for stock); <b>ours</b>, the application's own {@link SupervisionMapper} (one GROUP BY over the inbox table),
 * loaded from its mapper XML with plain MyBatis. Each on its configuration's data (the same tasks).
 */
final class DashboardFigures {

  /** The figures (open, due soon, overdue) and the timings of one way. */
  record Result(String way, long[] figures, List<Double> millis) {
  }

  private DashboardFigures() {
  }

  static Result stock(ProcessEngine engine, List<String> groups, int steps) {
    Supplier<long[]> loop = () -> {
      Date now = new Date();
      Date soon = new Date(now.getTime() + 3 * 86_400_000L);
      long[] figures = new long[3];
      for (String group : groups) {
        for (int step = 0; step < steps; step++) {
          String key = "Activity_Step" + step;
          figures[0] += stepQuery(engine, group, key).count();
          figures[1] += stepQuery(engine, group, key).dueAfter(now).dueBefore(soon).count();
          figures[2] += stepQuery(engine, group, key).dueBefore(now).count();
        }
      }
      return figures;
    };
    return new Result("stock: engine API, " + groups.size() * steps * 3 + " counts", loop.get(),
        BenchEngine.time(loop));
  }

  static Result ours(ProcessEngine engine, String county) {
    SupervisionMapper mapper = mapper(BenchEngine.configuration(engine).getDataSource());
    Supplier<long[]> query = () -> {
      LocalDateTime now = LocalDateTime.now();
      long[] figures = new long[3];
      for (TaskCount row : OpenTaskCounts.byGroupAndStep(mapper, county, now, now.plusDays(3))) {
        figures[0] += row.openTasks();
        figures[1] += row.dueSoon();
        figures[2] += row.overdue();
      }
      return figures;
    };
    return new Result("ours: the kept counts and the cut days' rows", query.get(), BenchEngine.time(query));
  }

  static void print(String county, Result stock, Result ours) {
    System.out.printf("%nDASHBOARD of county %s over the open tasks (open / due soon / overdue: stock %,d / %,d / %,d,"
        + " ours %,d / %,d / %,d)%n", county, stock.figures()[0], stock.figures()[1], stock.figures()[2],
        ours.figures()[0], ours.figures()[1], ours.figures()[2]);
    System.out.printf("%-34s %10s %10s %8s%n", "way", "p50 ms", "p95 ms", "runs");
    for (Result result : List.of(stock, ours)) {
      System.out.printf("%-34s %10.1f %10.1f %8d%n", result.way(), BenchEngine.percentile(result.millis(), 50),
          BenchEngine.percentile(result.millis(), 95), result.millis().size());
    }
    System.out.printf("ratio stock/ours p95: %.1fx%n",
        BenchEngine.percentile(stock.millis(), 95) / BenchEngine.percentile(ours.millis(), 95));
  }

  private static TaskQuery stepQuery(ProcessEngine engine, String group, String step) {
    return engine.getTaskService().createTaskQuery().taskCandidateGroup(group).taskDefinitionKey(step);
  }

  private static SupervisionMapper mapper(DataSource dataSource) {
    Configuration configuration = new Configuration(new Environment("bench", new JdbcTransactionFactory(),
        dataSource));
    configuration.setArgNameBasedConstructorAutoMapping(true); // as application.yml's mybatis settings
    String resource = "org/bangfu/supervision/SupervisionMapper.xml";
    try (InputStream xml = DashboardFigures.class.getClassLoader().getResourceAsStream(resource)) {
      new XMLMapperBuilder(xml, configuration, resource, configuration.getSqlFragments()).parse();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    SqlSessionFactory factory = new SqlSessionFactoryBuilder().build(configuration);
    SqlSession session = factory.openSession(true);
    return session.getMapper(SupervisionMapper.class);
  }
}
