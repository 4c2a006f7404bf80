package io.perfflow.runtime.embedded;

import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.util.buffer.BufferWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded engine's log: a folder of append-only segment files ({@code 00000000000000000001.seg},
 * …). Every block the engine appends is written and forced to disk ({@code fsync}) before the
 * engine is told it is written and committed, so nothing the engine acknowledged can be lost by a
 * crash. When the active segment reaches the segment size, a new one is started.
 *
 * <p>Each entry is {@code [int length][int crc32c][long lowestPosition][long highestPosition][block]}.
 * Opening the log checks every entry. A crash can leave at most the last entry of the last segment
 * half written (it was never acknowledged): that tail is cut off. A damaged entry anywhere else
 * means the folder is not this log any more: {@link Unreadable} is thrown and nothing is changed.
 *
 * <p>Compaction ({@link #compact}): once the engine state is snapshotted at a position, the
 * segments whose records all lie before it are no longer needed to rebuild the state and are
 * deleted, with their index entries. So disk use and the in-memory index (offset, length and
 * first position per block) stay bounded by what was written since the last snapshots, not by
 * the months PerfFlow has run. Blocks are read from the files when the engine replays or a reader
 * asks for them.
 */
final class FileLogStorage implements LogStorage, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FileLogStorage.class);
  static final int HEADER = 4 + 4 + 8 + 8;
  static final String SUFFIX = ".seg";
  /** Default segment size: a few hours of an idle engine, minutes of a busy cycle. */
  static final long DEFAULT_SEGMENT_SIZE = 16L * 1024 * 1024;

  /** The log exists but cannot be read as the engine's log. */
  static final class Unreadable extends IOException {
    Unreadable(String message) {
      super(message);
    }
  }

  private static final class Segment {
    final long id;
    final Path path;
    final FileChannel channel;
    long end;
    long highestPosition = -1;

    Segment(long id, Path path, FileChannel channel) {
      this.id = id;
      this.path = path;
      this.channel = channel;
    }
  }

  private final Path dir;
  private final boolean force;
  private final long segmentSize;
  private final Set<CommitListener> commitListeners = new CopyOnWriteArraySet<>();
  /** Guards the segment list and the index: readers read, append (index update) and compaction write. */
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  /** Serializes appends (the write to the active segment happens outside the index lock). */
  private final Object appendLock = new Object();
  private final List<Segment> segments = new ArrayList<>();
  // Index of the blocks still on disk; entry i is the block with logical number base + i.
  private long[] offsets = new long[4096];
  private int[] lengths = new int[4096];
  private long[] lowestPositions = new long[4096];
  private Segment[] segmentOf = new Segment[4096];
  private long base;
  private int count;
  private volatile long highestPosition = -1;
  private ByteBuffer writeBuffer = ByteBuffer.allocateDirect(64 * 1024);

  private FileLogStorage(Path dir, boolean force, long segmentSize) {
    this.dir = dir;
    this.force = force;
    this.segmentSize = segmentSize;
  }

  /** Opens (or creates) the log with the default segment size. */
  static FileLogStorage open(Path dir, boolean force) throws IOException {
    return open(dir, force, DEFAULT_SEGMENT_SIZE);
  }

  /**
   * Opens (or creates) the log folder; {@code force}: fsync every append (off only for throw-away
   * logs). A log written by an earlier PerfFlow as a single file at {@code dir} becomes the first
   * segment of the folder.
   */
  static FileLogStorage open(Path dir, boolean force, long segmentSize) throws IOException {
    migrateSingleFile(dir);
    Files.createDirectories(dir);
    FileLogStorage storage = new FileLogStorage(dir, force, segmentSize);
    try {
      storage.scan();
    } catch (IOException | RuntimeException e) {
      storage.closeChannels();
      throw e;
    }
    return storage;
  }

  /** Earlier versions kept the whole log in one file; it has the same entry format. */
  private static void migrateSingleFile(Path dir) throws IOException {
    Path moving = dir.resolveSibling(dir.getFileName() + ".single");
    if (Files.isRegularFile(dir)) {
      Files.move(dir, moving, StandardCopyOption.ATOMIC_MOVE);
    }
    if (Files.isRegularFile(moving)) {
      Files.createDirectories(dir);
      Files.move(moving, dir.resolve(name(1)), StandardCopyOption.ATOMIC_MOVE);
      LOG.info("The engine log {} was one file; it is now the first segment of the folder", dir);
    }
  }

  private static String name(long id) {
    return String.format("%020d%s", id, SUFFIX);
  }

  private void scan() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().matches("\\d{20}\\" + SUFFIX)).sorted().toList();
    }
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      long id = Long.parseLong(file.getFileName().toString().substring(0, 20));
      FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
      Segment segment = new Segment(id, file, channel);
      segments.add(segment);
      scan(segment, i == files.size() - 1);
    }
    if (segments.isEmpty()) {
      segments.add(create(1));
    }
  }

  private void scan(Segment segment, boolean last) throws IOException {
    FileChannel channel = segment.channel;
    long size = channel.size();
    long offset = 0;
    ByteBuffer header = ByteBuffer.allocate(HEADER);
    ByteBuffer block = ByteBuffer.allocate(64 * 1024);
    CRC32C crc = new CRC32C();
    while (offset < size) {
      header.clear();
      readFully(channel, header, offset);
      boolean lastEntry;
      String damage = null;
      if (header.hasRemaining()) {
        damage = "a header cut short";
        lastEntry = true;
      } else {
        header.flip();
        int length = header.getInt();
        int expectedCrc = header.getInt();
        long lowest = header.getLong();
        long highest = header.getLong();
        long next = offset + HEADER + (long) length;
        lastEntry = next >= size;
        if (length <= 0 || next > size) {
          damage = "an entry running past the end of the file";
        } else {
          if (block.capacity() < length) {
            block = ByteBuffer.allocate(Math.max(length, block.capacity() * 2));
          }
          block.clear().limit(length);
          readFully(channel, block, offset + HEADER);
          block.flip();
          crc.reset();
          crc.update(block);
          if ((int) crc.getValue() != expectedCrc) {
            damage = "an entry whose checksum does not match";
          } else if (highest < lowest || lowest <= highestPosition) {
            damage = "positions out of order";
          } else {
            index(segment, offset, length, lowest, highest);
            offset = next;
            continue;
          }
        }
      }
      if (!last || !lastEntry) {
        throw new Unreadable(segment.path + " has " + damage + " at byte " + offset + " of " + size
            + (last ? ", before its end" : " (not the last segment)"));
      }
      LOG.warn("The engine log {} ends in a half-written entry at byte {} (a crash during a write that was never "
          + "acknowledged); cutting {} bytes off", segment.path, offset, size - offset);
      channel.truncate(offset);
      channel.force(true);
      break;
    }
    segment.end = offset;
  }

  private Segment create(long id) throws IOException {
    Path file = dir.resolve(name(id));
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
    if (force) {
      EngineFiles.forceDirectory(dir);
    }
    return new Segment(id, file, channel);
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, at);
      if (read < 0) {
        return;
      }
      at += read;
    }
  }

  /** Adds an index entry; callers hold the write lock (or are the constructor's scan). */
  private void index(Segment segment, long offset, int length, long lowest, long highest) {
    int n = count;
    if (n == offsets.length) {
      int grown = n * 2;
      lowestPositions = Arrays.copyOf(lowestPositions, grown);
      lengths = Arrays.copyOf(lengths, grown);
      offsets = Arrays.copyOf(offsets, grown);
      segmentOf = Arrays.copyOf(segmentOf, grown);
    }
    offsets[n] = offset;
    lengths[n] = length;
    lowestPositions[n] = lowest;
    segmentOf[n] = segment;
    segment.highestPosition = highest;
    highestPosition = highest;
    count = n + 1;
  }

  /** Number of blocks in the log (those still on disk). */
  int blocks() {
    lock.readLock().lock();
    try {
      return count;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Number of segment files. */
  int segments() {
    lock.readLock().lock();
    try {
      return segments.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The highest record position in the log, or -1 when it is empty. */
  long highestPosition() {
    return highestPosition;
  }

  /** The lowest record position still in the log, or -1 when it is empty. */
  long lowestPosition() {
    lock.readLock().lock();
    try {
      return count == 0 ? -1 : lowestPositions[0];
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Bytes on disk, all segments. */
  long sizeInBytes() {
    lock.readLock().lock();
    try {
      return segments.stream().mapToLong(s -> s.end).sum();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Deletes the segments whose records all lie before {@code position} (the position the engine
   * state was snapshotted at): the state has them, and the engine replays only what follows. The
   * segment holding {@code position} stays (the engine looks the snapshot position up when it
   * starts), and so does the active segment. Returns the number of segments deleted.
   */
  int compact(long position) {
    List<Segment> deleted = new ArrayList<>();
    lock.writeLock().lock();
    try {
      int drop = 0;
      while (deleted.size() < segments.size() - 1) {
        Segment first = segments.get(deleted.size());
        if (first.highestPosition >= position) {
          break; // it holds the position, or records after it
        }
        deleted.add(first);
        while (drop < count && segmentOf[drop] == first) {
          drop++;
        }
      }
      if (deleted.isEmpty()) {
        return 0;
      }
      segments.subList(0, deleted.size()).clear();
      int left = count - drop;
      System.arraycopy(offsets, drop, offsets, 0, left);
      System.arraycopy(lengths, drop, lengths, 0, left);
      System.arraycopy(lowestPositions, drop, lowestPositions, 0, left);
      System.arraycopy(segmentOf, drop, segmentOf, 0, left);
      Arrays.fill(segmentOf, left, count, null);
      count = left;
      base += drop;
      int capacity = Math.max(4096, Integer.highestOneBit(Math.max(1, left)) * 2);
      if (offsets.length > capacity * 2) {
        offsets = Arrays.copyOf(offsets, capacity);
        lengths = Arrays.copyOf(lengths, capacity);
        lowestPositions = Arrays.copyOf(lowestPositions, capacity);
        segmentOf = Arrays.copyOf(segmentOf, capacity);
      }
      // Deleted under the lock: no reader is in the middle of reading one of these files.
      for (Segment segment : deleted) {
        try {
          segment.channel.close();
          Files.deleteIfExists(segment.path);
        } catch (IOException e) {
          LOG.warn("Could not delete the compacted engine log segment {}; it is no longer used", segment.path, e);
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
    if (force) {
      EngineFiles.forceDirectory(dir);
    }
    LOG.debug("Engine log compacted below position {}: {} segments deleted", position, deleted.size());
    return deleted.size();
  }

  @Override
  public LogStorageReader newReader() {
    return new Reader();
  }

  @Override
  public void append(long lowestPosition, long highestPosition, BufferWriter bufferWriter, AppendListener listener) {
    long index;
    synchronized (appendLock) {
      int length = bufferWriter.getLength();
      if (writeBuffer.capacity() < HEADER + length) {
        writeBuffer = ByteBuffer.allocateDirect(Math.max(HEADER + length, writeBuffer.capacity() * 2));
      }
      ByteBuffer buffer = writeBuffer.clear().limit(HEADER + length);
      bufferWriter.write(new UnsafeBuffer(buffer), HEADER);
      CRC32C crc = new CRC32C();
      crc.update(buffer.duplicate().position(HEADER));
      buffer.putInt(0, length).putInt(4, (int) crc.getValue()).putLong(8, lowestPosition).putLong(16, highestPosition);
      Segment active;
      try {
        active = activeSegment(HEADER + length);
        long at = active.end;
        while (buffer.hasRemaining()) {
          at += active.channel.write(buffer, at);
        }
        if (force) {
          active.channel.force(false);
        }
      } catch (IOException e) {
        // The engine cannot go on without its log; it fails the write and stops processing.
        throw new UncheckedIOException("Cannot write the engine log in " + dir, e);
      }
      lock.writeLock().lock();
      try {
        index(active, active.end, length, lowestPosition, highestPosition);
        active.end += HEADER + length;
        index = base + count;
      } finally {
        lock.writeLock().unlock();
      }
    }
    listener.onWrite(index, highestPosition);
    listener.onCommit(index, highestPosition);
    commitListeners.forEach(CommitListener::onCommit);
  }

  /** The segment to append {@code bytes} to: the last one, or a new one when it is full. */
  private Segment activeSegment(int bytes) throws IOException {
    Segment last;
    lock.readLock().lock();
    try {
      last = segments.get(segments.size() - 1);
    } finally {
      lock.readLock().unlock();
    }
    if (last.end == 0 || last.end + bytes <= segmentSize) {
      return last;
    }
    if (force) {
      last.channel.force(true);
    }
    Segment next = create(last.id + 1);
    lock.writeLock().lock();
    try {
      segments.add(next);
    } finally {
      lock.writeLock().unlock();
    }
    return next;
  }

  @Override
  public void addCommitListener(CommitListener listener) {
    commitListeners.add(listener);
  }

  @Override
  public void removeCommitListener(CommitListener listener) {
    commitListeners.remove(listener);
  }

  @Override
  public void close() throws IOException {
    synchronized (appendLock) {
      lock.writeLock().lock();
      try {
        for (Segment segment : segments) {
          if (segment.channel.isOpen()) {
            if (force) {
              segment.channel.force(true);
            }
            segment.channel.close();
          }
        }
      } finally {
        lock.writeLock().unlock();
      }
    }
  }

  private void closeChannels() {
    for (Segment segment : segments) {
      try {
        segment.channel.close();
      } catch (IOException e) {
        // opening failed anyway
      }
    }
  }

  private final class Reader implements LogStorageReader {
    /** Logical number of the next block to read. */
    private long next;

    @Override
    public void seek(long position) {
      lock.readLock().lock();
      try {
        // The block holding the position: the last block starting at or before it (or the first).
        int i = Arrays.binarySearch(lowestPositions, 0, count, position);
        next = base + (i >= 0 ? i : Math.max(0, -i - 2));
      } finally {
        lock.readLock().unlock();
      }
    }

    @Override
    public boolean hasNext() {
      lock.readLock().lock();
      try {
        // A reader behind compaction goes on with the oldest block still there.
        return Math.max(next, base) < base + count;
      } finally {
        lock.readLock().unlock();
      }
    }

    @Override
    public DirectBuffer next() {
      lock.readLock().lock();
      try {
        if (next < base) {
          next = base;
        }
        if (next >= base + count) {
          throw new NoSuchElementException();
        }
        int i = (int) (next - base);
        next++;
        ByteBuffer block = ByteBuffer.allocate(lengths[i]);
        Segment segment = segmentOf[i];
        try {
          readFully(segment.channel, block, offsets[i] + HEADER);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read the engine log " + segment.path, e);
        }
        return new UnsafeBuffer(block.array());
      } finally {
        lock.readLock().unlock();
      }
    }

    @Override
    public void close() {}
  }
}
