package io.perfflow.runtime.embedded;

import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.util.buffer.BufferWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.zip.CRC32C;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded engine's log in one append-only file: every block the engine appends is written
 * and forced to disk ({@code fsync}) before the engine is told it is written and committed, so
 * nothing the engine acknowledged can be lost by a crash.
 *
 * <p>Each entry is {@code [int length][int crc32c][long lowestPosition][long highestPosition][block]}.
 * Opening the file checks every entry. A crash can leave at most the last entry half written (it
 * was never acknowledged): that tail is cut off. A damaged entry anywhere else means the file is
 * not this log any more: {@link Unreadable} is thrown and nothing is changed.
 *
 * <p>Only a small index (offset, length and first position per block) is kept in memory; blocks
 * are read from the file when the engine replays or a reader asks for them.
 */
final class FileLogStorage implements LogStorage, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FileLogStorage.class);
  static final int HEADER = 4 + 4 + 8 + 8;

  /** The log file exists but cannot be read as the engine's log. */
  static final class Unreadable extends IOException {
    Unreadable(String message) {
      super(message);
    }
  }

  private final Path file;
  private final FileChannel channel;
  private final boolean force;
  private final Set<CommitListener> commitListeners = new CopyOnWriteArraySet<>();
  // Index, published to readers through the volatile count (written after the arrays).
  private volatile long[] offsets = new long[4096];
  private volatile int[] lengths = new int[4096];
  private volatile long[] lowestPositions = new long[4096];
  private volatile int count;
  private long end;
  private volatile long highestPosition = -1;
  private ByteBuffer writeBuffer = ByteBuffer.allocateDirect(64 * 1024);

  private FileLogStorage(Path file, FileChannel channel, boolean force) {
    this.file = file;
    this.channel = channel;
    this.force = force;
  }

  /** Opens (or creates) the log; {@code force}: fsync every append (off only for throw-away logs). */
  static FileLogStorage open(Path file, boolean force) throws IOException {
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLogStorage storage = new FileLogStorage(file, channel, force);
    try {
      storage.scan();
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return storage;
  }

  private void scan() throws IOException {
    long size = channel.size();
    long offset = 0;
    ByteBuffer header = ByteBuffer.allocate(HEADER);
    ByteBuffer block = ByteBuffer.allocate(64 * 1024);
    CRC32C crc = new CRC32C();
    while (offset < size) {
      header.clear();
      readFully(header, offset);
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
          readFully(block, offset + HEADER);
          block.flip();
          crc.reset();
          crc.update(block);
          if ((int) crc.getValue() != expectedCrc) {
            damage = "an entry whose checksum does not match";
          } else if (highest < lowest || lowest <= highestPosition) {
            damage = "positions out of order";
          } else {
            index(offset, length, lowest, highest);
            offset = next;
            continue;
          }
        }
      }
      if (!lastEntry) {
        throw new Unreadable(file + " has " + damage + " at byte " + offset + " of " + size + ", before its end");
      }
      LOG.warn("The engine log {} ends in a half-written entry at byte {} (a crash during a write that was never "
          + "acknowledged); cutting {} bytes off", file, offset, size - offset);
      channel.truncate(offset);
      channel.force(true);
      break;
    }
    end = offset;
  }

  private void readFully(ByteBuffer buffer, long position) throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, at);
      if (read < 0) {
        return;
      }
      at += read;
    }
  }

  private void index(long offset, int length, long lowest, long highest) {
    int n = count;
    if (n == offsets.length) {
      int grown = n * 2;
      lowestPositions = Arrays.copyOf(lowestPositions, grown);
      lengths = Arrays.copyOf(lengths, grown);
      offsets = Arrays.copyOf(offsets, grown);
    }
    offsets[n] = offset;
    lengths[n] = length;
    lowestPositions[n] = lowest;
    highestPosition = highest;
    count = n + 1;
  }

  /** Number of blocks in the log. */
  int blocks() {
    return count;
  }

  /** The highest record position in the log, or -1 when it is empty. */
  long highestPosition() {
    return highestPosition;
  }

  long sizeInBytes() {
    return end;
  }

  @Override
  public LogStorageReader newReader() {
    return new Reader();
  }

  @Override
  public void append(long lowestPosition, long highestPosition, BufferWriter bufferWriter, AppendListener listener) {
    int index;
    synchronized (this) {
      int length = bufferWriter.getLength();
      if (writeBuffer.capacity() < HEADER + length) {
        writeBuffer = ByteBuffer.allocateDirect(Math.max(HEADER + length, writeBuffer.capacity() * 2));
      }
      ByteBuffer buffer = writeBuffer.clear().limit(HEADER + length);
      bufferWriter.write(new UnsafeBuffer(buffer), HEADER);
      CRC32C crc = new CRC32C();
      crc.update(buffer.duplicate().position(HEADER));
      buffer.putInt(0, length).putInt(4, (int) crc.getValue()).putLong(8, lowestPosition).putLong(16, highestPosition);
      try {
        long at = end;
        while (buffer.hasRemaining()) {
          at += channel.write(buffer, at);
        }
        if (force) {
          channel.force(false);
        }
      } catch (IOException e) {
        // The engine cannot go on without its log; it fails the write and stops processing.
        throw new UncheckedIOException("Cannot write the engine log " + file, e);
      }
      index(end, length, lowestPosition, highestPosition);
      end += HEADER + length;
      index = count;
    }
    listener.onWrite(index, highestPosition);
    listener.onCommit(index, highestPosition);
    commitListeners.forEach(CommitListener::onCommit);
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
    synchronized (this) {
      if (channel.isOpen()) {
        if (force) {
          channel.force(true);
        }
        channel.close();
      }
    }
  }

  private final class Reader implements LogStorageReader {
    private int next;

    @Override
    public void seek(long position) {
      // The block holding the position: the last block starting at or before it (or the first).
      int n = count;
      long[] lowest = lowestPositions;
      int i = Arrays.binarySearch(lowest, 0, n, position);
      next = i >= 0 ? i : Math.max(0, -i - 2);
    }

    @Override
    public boolean hasNext() {
      return next < count;
    }

    @Override
    public DirectBuffer next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      int i = next++;
      ByteBuffer block = ByteBuffer.allocate(lengths[i]);
      try {
        readFully(block, offsets[i] + HEADER);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the engine log " + file, e);
      }
      return new UnsafeBuffer(block.array());
    }

    @Override
    public void close() {}
  }
}
