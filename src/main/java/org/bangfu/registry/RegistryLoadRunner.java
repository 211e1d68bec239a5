package org.bangfu.registry;

import java.time.LocalDateTime;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.bangfu.screening.ImportProperties;
import org.bangfu.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Works through registry loads being read or applied, one at a time per node, as department pushes are worked
 * through (and with their settings: whether this node works on them, the lease, the poll interval). A node holds a
 * load by a lease that every committed chunk renews; after a crash the lease runs out and the next poll, here or on
 * another node, goes on from the checkpoint.
 */
@Component
public class RegistryLoadRunner implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(RegistryLoadRunner.class);

  private final RegistryLoadMapper mapper;
  private final RegistryLoads loads;
  private final ImportProperties properties;
  private final String owner = "node-" + UUID.randomUUID();
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "bangfu-registry-load");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicInteger queued = new AtomicInteger();
  private volatile boolean stopping;

  public RegistryLoadRunner(RegistryLoadMapper mapper, RegistryLoads loads, ImportProperties properties) {
    this.mapper = mapper;
    this.loads = loads;
    this.properties = properties;
  }

  /** Looks for work now (after an upload or a word to apply), unless a look is already queued. */
  public void kick() {
    if (properties.run() && queued.compareAndSet(0, 1)) {
      executor.submit(() -> {
        queued.set(0);
        runClaimable();
      });
    }
  }

  /** Picks up loads to read or apply, and those whose node stopped renewing its lease. */
  @Scheduled(fixedDelayString = "${bangfu.imports.poll-interval:PT10S}", initialDelayString = "PT7S")
  public void poll() {
    kick();
  }

  private void runClaimable() {
    try {
      for (Long id : mapper.findClaimable(LocalDateTime.now())) {
        if (stopping) {
          return;
        }
        if (mapper.claim(id, owner, LocalDateTime.now(), leaseEnd()) == 1) {
          run(id);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("registry load poll failed: {}", e.toString());
    }
  }

  private LocalDateTime leaseEnd() {
    return LocalDateTime.now().plus(properties.lease());
  }

  private void run(long id) {
    RegistryLoad load = mapper.find(id);
    try {
      if (RegistryLoad.READING.equals(load.status())) {
        loads.continueReading(id, owner, this::leaseEnd, () -> stopping);
      } else {
        loads.continueApplying(id, owner, this::leaseEnd, () -> stopping);
      }
    } catch (RegistryLoads.LeaseLostException e) {
      LOG.warn("{}, stopping here", e.getMessage());
    } catch (InvalidInputException e) {
      // the file was checked at the upload: only a changed setting (a lower limit) refuses it now
      loads.fail(id, owner, e.errors().get(0).message());
    } catch (Exception e) {
      LOG.error("registry load {} failed", id, e);
      loads.fail(id, owner, (RegistryLoad.READING.equals(load.status()) ? "读取比对" : "应用") + "时出错："
          + org.bangfu.shared.SystemErrors.forUser(e));
    }
  }

  @Override
  public void destroy() {
    stopping = true;
    executor.shutdownNow();
  }
}
