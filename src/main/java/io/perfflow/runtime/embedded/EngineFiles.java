package io.perfflow.runtime.embedded;

import io.camunda.zeebe.db.ZeebeDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StringUtils;

/**
 * The embedded engine's data folder ({@code perfflow.embedded.engine.data-dir}, default
 * {@code ./data/engine}):
 *
 * <pre>
 *   log/                the engine's records since shortly before the newest snapshot, in segment
 *                       files (FileLogStorage); older segments are deleted after each snapshot
 *   snapshots/&lt;pos&gt;/    the newest RocksDB state snapshot, taken at log position pos
 *   clock-offset        how far the engine clock runs ahead of the wall clock (dev clock)
 *   runtime/            the live RocksDB state: a copy of the snapshot, rebuilt at every start
 *   .lock               held while an engine uses the folder
 * </pre>
 *
 * Only {@code log}, {@code snapshots} and {@code clock-offset} matter for a backup (together: the
 * log alone no longer holds the whole history); {@code runtime} is thrown away at start. An empty setting gives a temporary folder deleted at stop.
 */
final class EngineFiles implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EngineFiles.class);
  private static final String TMP = ".tmp-";
  static final String DEPLOYED = "deployed-resources";

  private final Path dir;
  private final boolean durable;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private EngineFiles(Path dir, boolean durable, FileChannel lockChannel, FileLock lock) {
    this.dir = dir;
    this.durable = durable;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  static EngineFiles open(String dataDir) {
    try {
      boolean durable = StringUtils.hasText(dataDir);
      Path dir = durable ? Path.of(dataDir).toAbsolutePath().normalize() : Files.createTempDirectory("perfflow-engine-");
      Files.createDirectories(dir.resolve("snapshots"));
      FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        throw new IllegalStateException("Another PerfFlow is using the engine data in " + dir + "; stop it first");
      }
      return new EngineFiles(dir, durable, channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the engine data folder " + dataDir, e);
    }
  }

  Path dir() {
    return dir;
  }

  /** False for a throw-away folder: no fsync, no snapshots. */
  boolean durable() {
    return durable;
  }

  Path log() {
    return dir.resolve("log");
  }

  Path runtime() {
    return dir.resolve("runtime");
  }

  private Path snapshots() {
    return dir.resolve("snapshots");
  }

  /** Moves an unreadable log and its snapshots aside (kept for a person to look at) and returns where. */
  Path moveAside() throws IOException {
    Path aside = dir.resolve("unreadable-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    Files.createDirectories(aside);
    for (String name : List.of("log", "snapshots", "clock-offset", DEPLOYED)) {
      if (Files.exists(dir.resolve(name))) {
        Files.move(dir.resolve(name), aside.resolve(name));
      }
    }
    Files.createDirectories(snapshots());
    return aside;
  }

  /**
   * Replaces {@code runtime} with a copy of the newest snapshot (SST files are immutable and
   * hard-linked; the rest is copied) and returns its position, or -1 when there is none.
   */
  long restoreLatestSnapshotInto(Path runtime) throws IOException {
    deleteRecursively(runtime);
    try (Stream<Path> entries = Files.list(snapshots())) {
      for (Path p : entries.toList()) {
        if (p.getFileName().toString().startsWith(TMP)) {
          deleteRecursively(p); // a snapshot a crash interrupted
        }
      }
    }
    Optional<Path> latest = latestSnapshot();
    if (latest.isEmpty()) {
      return -1;
    }
    Files.createDirectories(runtime);
    try (Stream<Path> files = Files.list(latest.get())) {
      for (Path file : files.toList()) {
        Path target = runtime.resolve(file.getFileName().toString());
        if (file.getFileName().toString().endsWith(".sst")) {
          try {
            Files.createLink(target, file);
            continue;
          } catch (IOException | UnsupportedOperationException e) {
            // no hard links on this file system: copy
          }
        }
        Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    return Long.parseLong(latest.get().getFileName().toString());
  }

  /** Whether a finished state snapshot exists. */
  boolean hasSnapshot() throws IOException {
    return latestSnapshot().isPresent();
  }

  private Optional<Path> latestSnapshot() throws IOException {
    try (Stream<Path> entries = Files.list(snapshots())) {
      return entries.filter(p -> p.getFileName().toString().matches("\\d+")).max(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString())));
    }
  }

  /** Takes a snapshot of {@code db} (a RocksDB checkpoint) and keeps only it. */
  void snapshot(ZeebeDb<?> db, long position) {
    try {
      Path tmp = snapshots().resolve(TMP + position);
      deleteRecursively(tmp);
      db.createSnapshot(tmp.toFile());
      if (durable) {
        // The log before this position is deleted once the snapshot is in place: it must be on disk.
        try (Stream<Path> files = Files.list(tmp)) {
          for (Path file : files.toList()) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
              channel.force(true);
            }
          }
        }
        forceDirectory(tmp);
      }
      Path done = snapshots().resolve(Long.toString(position));
      deleteRecursively(done);
      Files.move(tmp, done, StandardCopyOption.ATOMIC_MOVE);
      forceDirectory(snapshots());
      try (Stream<Path> entries = Files.list(snapshots())) {
        for (Path old : entries.filter(p -> !p.equals(done)).toList()) {
          deleteRecursively(old);
        }
      }
      LOG.debug("Embedded engine state snapshot at position {}", position);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write an engine state snapshot in " + snapshots(), e);
    }
  }

  Duration readClockOffset() throws IOException {
    Path file = dir.resolve("clock-offset");
    if (!Files.exists(file)) {
      return Duration.ZERO;
    }
    String text = Files.readString(file, StandardCharsets.UTF_8).trim();
    return text.isEmpty() ? Duration.ZERO : Duration.parse(text);
  }

  /** Writes the clock offset atomically and durably (a temporary file moved over the old one). */
  void writeClockOffset(Duration offset) {
    writeAtomically("clock-offset", offset + "\n", "the engine clock offset");
  }

  /**
   * The SHA-256 of each model the engine was last given, by file name (empty when none were
   * remembered), from {@code deployed-resources}.
   */
  Map<String, String> readDeployedResources() {
    Path file = dir.resolve(DEPLOYED);
    Map<String, String> digests = new LinkedHashMap<>();
    try {
      if (Files.exists(file)) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          int space = line.indexOf(' ');
          if (space > 0) {
            digests.put(line.substring(space + 1).trim(), line.substring(0, space));
          }
        }
      }
    } catch (IOException e) {
      LOG.warn("Cannot read {}; every model is deployed again", file, e);
      return Map.of();
    }
    return digests;
  }

  /** Remembers the SHA-256 of each model the engine took (atomically, forced). */
  void writeDeployedResources(Map<String, String> digests) {
    StringBuilder b = new StringBuilder();
    digests.forEach((name, digest) -> b.append(digest).append(' ').append(name).append('\n'));
    writeAtomically(DEPLOYED, b.toString(), "the deployed models' digests");
  }

  private void writeAtomically(String name, String content, String what) {
    Path file = dir.resolve(name);
    Path tmp = dir.resolve(name + ".tmp");
    try {
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        out.write(java.nio.ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
        if (durable) {
          out.force(true);
        }
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      if (durable) {
        forceDirectory(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep " + what + " in " + file, e);
    }
  }

  static void forceDirectory(Path directory) {
    try (FileChannel d = FileChannel.open(directory, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // Not every file system lets a directory be forced; the rename is still atomic.
    }
  }

  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Override
  public void close() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
      lockChannel.close();
      if (!durable) {
        deleteRecursively(dir);
      }
    } catch (IOException e) {
      LOG.warn("Could not release the engine data folder {}", dir, e);
    }
  }
}
