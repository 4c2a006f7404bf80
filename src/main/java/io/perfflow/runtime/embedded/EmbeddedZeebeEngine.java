package io.perfflow.runtime.embedded;

import io.camunda.zeebe.db.AccessMetricsConfiguration;
import io.camunda.zeebe.db.ConsistencyChecksSettings;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.rocksdb.RocksDbConfiguration;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory;
import io.camunda.zeebe.engine.state.instance.DbJobState;
import io.camunda.zeebe.logstreams.log.LogAppendEntry;
import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.logstreams.log.LogStreamWriter;
import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.logstreams.log.WriteContext;
import io.camunda.zeebe.process.test.engine.PerfFlowEngineAssembly;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.protocol.impl.record.CopiedRecord;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.UnifiedRecordValue;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.grpc.Server;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process Zeebe engine of the embedded runtime: the real workflow engine (from
 * zeebe-process-test's engine modules) over a log kept on disk and RocksDB state.
 *
 * <p>Durability: every record the engine writes is forced to disk before the engine goes on (so
 * before a command is acknowledged); on start the state is rebuilt from the newest state snapshot
 * plus the log after it, so process instances, user tasks (same keys), jobs, timers and message
 * subscriptions are all back after a restart or a crash. See docs/operations.md ("Embedded
 * engine data") for the layout and why it is built this way. With an empty data folder setting
 * the engine keeps its data in a temporary folder deleted at stop (tests).
 *
 * <p>The gRPC gateway listens on loopback only (the library's default binds every interface with
 * no authentication).
 */
public final class EmbeddedZeebeEngine {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedZeebeEngine.class);

  /** What the engine found in its data folder when it started. */
  public enum History {
    /** No engine log: a first start, or the engine data was removed. */
    NONE,
    /** The log (and snapshot) were read: everything in flight is back. */
    RESTORED,
    /** The engine data could not be read; it was moved aside and the engine started empty. */
    UNREADABLE
  }

  private final EngineFiles files;
  private final FileLogStorage storage;
  private final ZeebeDb<ZbColumnFamilies> db;
  private final ActorScheduler scheduler;
  private final PerfFlowEngineAssembly.Parts parts;
  private final ControlledActorClock clock;
  private final int port;
  private final History history;
  private final String historyDetail;
  private final AtomicReference<Duration> advanced;
  private final ScheduledExecutorService snapshots;
  private final EngineState state;
  private volatile long snapshotPosition;
  private volatile boolean stopped;

  private EmbeddedZeebeEngine(EngineFiles files, FileLogStorage storage, ZeebeDb<ZbColumnFamilies> db,
      ActorScheduler scheduler, PerfFlowEngineAssembly.Parts parts, ControlledActorClock clock, int port,
      History history, String historyDetail, Duration offset, long snapshotPosition, Duration snapshotInterval) {
    this.files = files;
    this.storage = storage;
    this.db = db;
    this.scheduler = scheduler;
    this.parts = parts;
    this.clock = clock;
    this.port = port;
    this.history = history;
    this.historyDetail = historyDetail;
    this.advanced = new AtomicReference<>(offset);
    this.snapshotPosition = snapshotPosition;
    this.state = new EngineState(db);
    if (files.durable() && !snapshotInterval.isZero() && !snapshotInterval.isNegative()) {
      snapshots = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "perfflow-engine-snapshot");
        t.setDaemon(true);
        return t;
      });
      long every = snapshotInterval.toMillis();
      snapshots.scheduleWithFixedDelay(this::snapshotIfAdvanced, every, every, TimeUnit.MILLISECONDS);
    } else {
      snapshots = null;
    }
  }

  /** A throw-away engine (data in a temporary folder deleted at stop). */
  public static EmbeddedZeebeEngine start(int port) {
    return start(port, "", Duration.ZERO);
  }

  /**
   * Starts the engine on {@code 127.0.0.1:port} with its data under {@code dataDir} (empty: a
   * temporary folder), rebuilding the state from what is there, and returns once the engine has
   * caught up with its log and processes new commands.
   */
  public static EmbeddedZeebeEngine start(int port, String dataDir, Duration snapshotInterval) {
    return start(port, dataDir, snapshotInterval, FileLogStorage.DEFAULT_SEGMENT_SIZE);
  }

  /**
   * As {@link #start(int, String, Duration)}, with the size at which the engine log starts a new
   * segment file (whole segments are deleted once a snapshot covers them).
   */
  public static EmbeddedZeebeEngine start(int port, String dataDir, Duration snapshotInterval, long segmentSize) {
    long started = System.nanoTime();
    EngineFiles files = EngineFiles.open(dataDir);
    FileLogStorage storage = null;
    ZeebeDb<ZbColumnFamilies> db = null;
    ActorScheduler scheduler = null;
    try {
      History history;
      String detail;
      boolean hadLog = Files.exists(files.log());
      try {
        storage = FileLogStorage.open(files.log(), files.durable(), segmentSize);
        history = hadLog && (storage.blocks() > 0 || files.hasSnapshot()) ? History.RESTORED : History.NONE;
        detail = history == History.RESTORED
            ? "engine log " + files.log() + " read (" + storage.segments() + " segments, " + storage.blocks() + " blocks, "
                + storage.sizeInBytes() / 1024 + " KiB)"
            : files.durable() ? "no engine log in " + files.dir() + " (a first start, or the engine data was removed)"
                : "the engine keeps no data across restarts (perfflow.embedded.engine.data-dir is empty)";
      } catch (FileLogStorage.Unreadable e) {
        Path aside = files.moveAside();
        history = History.UNREADABLE;
        detail = "the engine data in " + files.dir() + " could not be read (" + e.getMessage() + "); it was moved to " + aside;
        LOG.error("Embedded engine: {}. The engine starts empty; what was in flight cannot come back.", detail);
        storage = FileLogStorage.open(files.log(), files.durable(), segmentSize);
      }

      long restoredSnapshot = history == History.RESTORED ? files.restoreLatestSnapshotInto(files.runtime()) : -1;
      db = openState(files.runtime());

      ControlledActorClock clock = new ControlledActorClock();
      scheduler = ActorScheduler.newActorScheduler().setActorClock(clock).build();
      scheduler.start();
      PerfFlowEngineAssembly.Parts parts = PerfFlowEngineAssembly.assemble(storage, db, clock, scheduler, port);

      // The engine's clock may run ahead of the wall clock (the dev clock): it continues from
      // where it was, and never before the last record it wrote, so due timers fire and none
      // fires twice.
      Duration offset = history == History.RESTORED ? files.readClockOffset() : Duration.ZERO;
      Instant lastRecord = lastRecordTime(parts);
      Instant now = Instant.now();
      if (lastRecord != null && now.plus(offset).isBefore(lastRecord)) {
        offset = Duration.between(now, lastRecord).plusMillis(1);
      }
      files.writeClockOffset(offset);
      clock.addTime(offset);

      parts.streamProcessor().openAsync(false).join();
      awaitProcessing(parts.streamProcessor());
      if (history == History.RESTORED) {
        int released = releaseJobsOfEarlierRuns(parts, db);
        if (released > 0) {
          awaitProcessing(parts.streamProcessor());
          LOG.info("Embedded engine: {} jobs that workers of the previous run had taken are available again", released);
        }
      }
      // Opened last: no worker of this run takes a job before the previous run's jobs are released.
      parts.grpcServer().start();
      LOG.info("Embedded Zeebe engine listening on 127.0.0.1:{}, data in {} ({}; clock offset {}; ready in {} ms{})",
          port, files.durable() ? files.dir() : "a temporary folder", history, offset,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
          restoredSnapshot >= 0 ? ", from snapshot at position " + restoredSnapshot : "");
      return new EmbeddedZeebeEngine(files, storage, db, scheduler, parts, clock, port, history, detail, offset,
          restoredSnapshot, snapshotInterval);
    } catch (IOException e) {
      closeQuietly(storage, db, scheduler, files);
      throw new UncheckedIOException("The embedded engine could not start on its data in " + files.dir(), e);
    } catch (RuntimeException e) {
      closeQuietly(storage, db, scheduler, files);
      throw e;
    }
  }

  /**
   * Yields every job that is activated in the restored state. The job workers run in this process,
   * so after a restart none of the workers that took those jobs exists any more: a job taken just
   * before a stop or a crash (or activated for a request the stopping client no longer read) would
   * otherwise wait for its activation time-out (minutes) before anyone may take it again, and its
   * process would stand still meanwhile. A yield gives the job back as it was, retries unchanged
   * (what the engine does for a pushed job nobody can take). Runs before the gateway opens, so no
   * job of this run is among them.
   */
  static int releaseJobsOfEarlierRuns(PerfFlowEngineAssembly.Parts parts, ZeebeDb<ZbColumnFamilies> db) {
    DbJobState jobs = new DbJobState(db, db.createContext());
    LogStreamWriter log = parts.commandLog();
    int[] released = {0};
    jobs.forEachTimedOutEntry(Long.MAX_VALUE, null, (key, job) -> {
      RecordMetadata metadata = new RecordMetadata().recordType(RecordType.COMMAND).valueType(ValueType.JOB).intent(JobIntent.YIELD);
      synchronized (log) {
        // The entry is written (and the shared job record read) before the visit moves on.
        if (log.tryWrite(WriteContext.internal(), LogAppendEntry.of(key, metadata, job)).isLeft()) {
          throw new IllegalStateException("The embedded engine could not give back job " + key + " of the previous run");
        }
      }
      released[0]++;
      return true;
    });
    return released[0];
  }

  private static ZeebeDb<ZbColumnFamilies> openState(Path runtime) {
    RocksDbConfiguration config = new RocksDbConfiguration().setMemoryLimit(64L * 1024 * 1024);
    return new ZeebeRocksDbFactory<ZbColumnFamilies>(
            config,
            new ConsistencyChecksSettings(),
            new AccessMetricsConfiguration(AccessMetricsConfiguration.Kind.NONE, 1),
            SimpleMeterRegistry::new)
        .createDb(runtime.toFile());
  }

  private static Instant lastRecordTime(PerfFlowEngineAssembly.Parts parts) {
    try (LogStreamReader reader = parts.logStream().newLogStreamReader()) {
      long last = reader.seekToEnd();
      if (last <= 0 || !reader.seek(last) || !reader.hasNext()) {
        return null;
      }
      return Instant.ofEpochMilli(reader.next().getTimestamp());
    }
  }

  private static void awaitProcessing(StreamProcessor processor) {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (true) {
      StreamProcessor.Phase phase = processor.getCurrentPhase().join();
      // Processing, and caught up: also with what the engine writes at every start (its identity
      // set-up) and commands a crash left unprocessed, so the first client request (the
      // deployment) does not queue behind them.
      if (phase == StreamProcessor.Phase.PROCESSING && processor.hasProcessingReachedTheEnd().join()) {
        return;
      }
      if (phase == StreamProcessor.Phase.FAILED || System.nanoTime() > deadline) {
        throw new IllegalStateException("The embedded engine did not recover its state from its log (phase " + phase + ")");
      }
      try {
        Thread.sleep(20); // the replay runs on the engine's actor; nothing to wait on but its phase
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while the embedded engine recovered", e);
      }
    }
  }

  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      if (snapshots != null) {
        snapshots.shutdownNow();
        awaitQuietly(snapshots);
      }
      Server grpc = parts.grpcServer();
      grpc.shutdownNow();
      grpc.awaitTermination(10, TimeUnit.SECONDS);
      parts.streamProcessor().closeAsync().join();
      if (files.durable()) {
        // The processor is closed: a snapshot now makes the next start replay (almost) nothing.
        takeSnapshot();
      }
      state.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("Stopping the embedded engine did not finish cleanly; its log is intact and the next start replays it", e);
    } finally {
      try {
        parts.logStream().close();
      } finally {
        closeQuietly(storage, db, scheduler, files);
      }
    }
  }

  private static void awaitQuietly(ScheduledExecutorService executor) {
    try {
      executor.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void snapshotIfAdvanced() {
    try {
      takeSnapshot();
    } catch (RuntimeException e) {
      LOG.warn("Embedded engine: taking a state snapshot failed; the log is intact and will be replayed", e);
    }
  }

  /**
   * Snapshots the state if the engine has processed anything since the last snapshot, then
   * deletes the log segments the snapshot makes unnecessary.
   *
   * <p>The position is the state's own last processed position, read before the checkpoint: the
   * checkpoint holds at least that much (processing only moves forward), so everything the next
   * start replays (the records after the position the checkpoint holds) is after it and kept.
   */
  synchronized void takeSnapshot() {
    long processed = state.lastProcessedPosition();
    if (processed <= snapshotPosition) {
      return;
    }
    files.snapshot(db, processed);
    snapshotPosition = processed;
    storage.compact(processed);
  }

  /** Whether the engine has processed everything in its log (benchmarks wait for it). */
  boolean processingCaughtUp() {
    return parts.streamProcessor().hasProcessingReachedTheEnd().join();
  }

  /** The position the last snapshot was taken at (-1: none yet). */
  public long snapshotPosition() {
    return snapshotPosition;
  }

  /** What the engine log holds on disk now (segments, blocks, bytes, lowest and highest position). */
  public String logSummary() {
    return storage.segments() + " segments, " + storage.blocks() + " blocks, " + storage.sizeInBytes() + " bytes, positions "
        + storage.lowestPosition() + ".." + storage.highestPosition();
  }

  /** Bytes the engine log takes on disk. */
  public long logSizeInBytes() {
    return storage.sizeInBytes();
  }

  /** The lowest record position still in the engine log (older records were compacted away). */
  public long lowestLogPosition() {
    return storage.lowestPosition();
  }

  /** Incidents open in the engine state now (read from the state, not the log). */
  public List<EmbeddedEngineRecords.OpenIncident> openIncidents() {
    return state.openIncidents();
  }

  private static void closeQuietly(FileLogStorage storage, ZeebeDb<?> db, ActorScheduler scheduler, EngineFiles files) {
    try {
      if (db != null) {
        db.close();
      }
    } catch (Exception e) {
      LOG.warn("Closing the engine state failed", e);
    }
    try {
      if (storage != null) {
        storage.close();
      }
    } catch (IOException e) {
      LOG.warn("Closing the engine log failed", e);
    }
    try {
      if (scheduler != null) {
        scheduler.stop().get(30, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      LOG.warn("Stopping the engine's scheduler failed", e);
    }
    files.close();
  }

  public int port() {
    return port;
  }

  public String gatewayAddress() {
    return "127.0.0.1:" + port;
  }

  /** What was found in the engine's data folder at start, and a sentence saying so. */
  public History history() {
    return history;
  }

  public String historyDetail() {
    return historyDetail;
  }

  /** Where the engine keeps its data (a temporary folder when none was configured). */
  public Path dataDir() {
    return files.dir();
  }

  /** Moves the engine's clock forward: due timers fire as if that time had passed. */
  public synchronized void increaseTime(Duration duration) {
    Duration next = advanced.get().plus(duration);
    // Kept first: after a crash the clock is at most ahead, never behind what the engine saw.
    files.writeClockOffset(next);
    clock.addTime(duration);
    advanced.set(next);
  }

  /** The SHA-256 of each model the engine was last given, by file name (see EmbeddedResourceDeployer). */
  java.util.Map<String, String> deployedResources() {
    return files.readDeployedResources();
  }

  /** Remembers what the engine took, after it acknowledged the deployment. */
  void rememberDeployedResources(java.util.Map<String, String> digests) {
    files.writeDeployedResources(digests);
  }

  /** How far the engine's clock was moved ahead of the wall clock. */
  public Duration advanced() {
    return advanced.get();
  }

  /** The engine's current time. */
  public Instant now() {
    return Instant.now().plus(advanced.get());
  }

  /** The log writer the gateway writes commands through (synchronize on it when writing). */
  LogStreamWriter commandLog() {
    return parts.commandLog();
  }

  /** The addresses the gateway really listens on (for the loopback-only check). */
  public List<? extends SocketAddress> listenAddresses() {
    return parts.grpcServer().getListenSockets();
  }

  /**
   * Calls {@code consumer} with every record after {@code afterPosition} (-1: from the start), in
   * log order, and returns the position of the last one. Reads from disk; keeps nothing.
   */
  public long forEachRecord(long afterPosition, Consumer<Record<?>> consumer) {
    long last = afterPosition;
    try (LogStreamReader reader = parts.logStream().newLogStreamReader()) {
      if (afterPosition < 0) {
        reader.seekToFirstEvent();
      } else {
        reader.seekToNextEvent(afterPosition);
      }
      while (reader.hasNext()) {
        LoggedEvent event = reader.next();
        consumer.accept(toRecord(event));
        last = event.getPosition();
      }
    }
    return last;
  }

  /**
   * Every record still in the log (tests and occasional questions only: it reads the whole log;
   * records before the last snapshots were compacted away).
   */
  public List<Record<?>> records() {
    List<Record<?>> all = new ArrayList<>();
    forEachRecord(-1, all::add);
    return all;
  }

  private static Record<?> toRecord(LoggedEvent event) {
    RecordMetadata metadata = new RecordMetadata();
    event.readMetadata(metadata);
    UnifiedRecordValue value = UnifiedRecordValue.fromValueType(metadata.getValueType());
    event.readValue(value);
    return new CopiedRecord<>(value, metadata, event.getKey(), 1, event.getPosition(),
        event.getSourceEventPosition(), event.getTimestamp());
  }
}
