package org.bangfu.screening;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bangfu.catalogue.Department;
import org.bangfu.screening.PushFileReader.Format;
import org.bangfu.screening.PushFileReader.RawRow;
import org.bangfu.shared.SystemErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Works through running imports, one at a time per node. A node holds an import by a lease that every committed
 * batch renews; after a crash (kill -9, power loss) the lease runs out and the next poll, on this node after its
 * restart or on another node, takes the import over from its checkpoint.
 */
@Component
public class ImportRunner implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(ImportRunner.class);

  private final ImportMapper imports;
  private final ImportService service;
  private final ImportProperties properties;
  private final String owner = "node-" + UUID.randomUUID();
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "bangfu-import");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicLong activeImport = new AtomicLong();
  private volatile boolean stopping;

  public ImportRunner(ImportMapper imports, ImportService service, ImportProperties properties,
      MeterRegistry meters) {
    this.imports = imports;
    this.service = service;
    this.properties = properties;
    Gauge.builder("bangfu_import_active", activeImport, AtomicLong::get)
        .description("id of the import this node is processing, 0 when idle").register(meters);
  }

  /** Looks for work now (after an upload), unless a look is already queued. */
  public void kick() {
    if (properties.run() && queued.compareAndSet(0, 1)) {
      executor.submit(() -> {
        queued.set(0);
        runClaimable();
      });
    }
  }

  /** Picks up new imports and those whose node stopped renewing its lease. */
  @Scheduled(fixedDelayString = "${bangfu.imports.poll-interval:PT10S}", initialDelayString = "PT5S")
  public void poll() {
    kick();
  }

  /** Deletes the files of finished imports whose retention has passed. */
  @Scheduled(fixedDelayString = "${bangfu.imports.retention-sweep-interval:PT1H}", initialDelayString = "PT1M")
  public void deleteFinishedFiles() {
    try {
      service.deleteFinishedFiles(LocalDateTime.now());
    } catch (RuntimeException e) {
      LOG.warn("deleting finished imports' files failed: {}", e.toString());
    }
  }

  private void runClaimable() {
    try {
      for (Long id : imports.findClaimable(LocalDateTime.now())) {
        if (stopping) {
          return;
        }
        if (imports.claim(id, owner, LocalDateTime.now(), leaseEnd()) == 1) {
          run(id);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("import poll failed: {}", e.toString());
    }
  }

  private LocalDateTime leaseEnd() {
    return LocalDateTime.now().plus(properties.lease());
  }

  private void run(Long id) {
    PushImport pushImport = imports.findImport(id);
    activeImport.set(id);
    long started = System.currentTimeMillis();
    int done = pushImport.getRowsDone();
    try (PushFileReader reader = PushFileReader.open(Path.of(pushImport.getStoredPath()),
        Format.valueOf(pushImport.getFileFormat()), properties.limits())) {
      PushRowParser parser = PushRowParser.forHeader(
          PushLayouts.of(Department.valueOf(pushImport.getDepartment()),
              PushDataset.valueOf(pushImport.getDataset())), reader.header());
      reader.skip(done);
      LOG.info("import {}: {} from row {} of {}", id, done == 0 ? "starting" : "resuming", done,
          pushImport.getTotalRows());
      while (!stopping) {
        long batchStart = System.nanoTime();
        List<RawRow> batch = new ArrayList<>(properties.batchSize());
        RawRow row;
        while (batch.size() < properties.batchSize() && (row = reader.next()) != null) {
          batch.add(row);
        }
        if (batch.isEmpty()) {
          imports.finish(id, owner, PushImport.Status.DONE.name(), null, LocalDateTime.now());
          LOG.info("import {} done: {} rows in {} s", id, done,
              Duration.ofMillis(System.currentTimeMillis() - started).toSeconds());
          if (properties.keepFilesFor().isZero()) {
            deleteFinishedFiles();
          }
          return;
        }
        service.processBatch(pushImport, parser, batch, done, owner, batchStart, leaseEnd());
        done += batch.size();
        // people's requests come first: the import works its share of the time (bangfu.imports.busy-share)
        Thread.sleep(properties.pauseAfter(Duration.ofNanos(System.nanoTime() - batchStart)).toMillis());
      }
    } catch (ImportService.LeaseLostException e) {
      LOG.warn("import {}: {}, stopping here", id, e.getMessage());
    } catch (InterruptedException e) {
      // the node is stopping: the import stays running, and its lease runs out for the next node to resume it
      Thread.currentThread().interrupt();
      LOG.info("import {}: stopped at row {} with the node", id, done);
    } catch (Exception e) {
      LOG.error("import {} failed after row {}", id, done, e);
      imports.finish(id, owner, PushImport.Status.FAILED.name(),
          truncate("处理第 " + (done + 1) + " 条数据附近时出错：" + SystemErrors.forUser(e)), LocalDateTime.now());
    } finally {
      activeImport.set(0);
    }
  }

  private static String truncate(String text) {
    return text.length() > 1000 ? text.substring(0, 1000) : text;
  }

  @Override
  public void destroy() {
    stopping = true;
    executor.shutdownNow();
  }
}
