package io.perfflow.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.util.buffer.BufferWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine log's segment files on their own: blocks go to segments of a bounded size, whole
 * segments before a snapshot position are deleted, and what is left reads back the same after
 * reopening; a crash's half-written tail is cut off, damage elsewhere is refused.
 */
class FileLogStorageTest {
  static final int SEGMENT = 4 * 1024;
  @TempDir Path dir;

  /** One block holding {@code count} positions from {@code lowest}, 100 bytes of text. */
  static void append(LogStorage log, long lowest, long highest) {
    byte[] body = String.format("%-100s", "block " + lowest + ".." + highest).getBytes(StandardCharsets.US_ASCII);
    log.append(lowest, highest, new BufferWriter() {
      @Override
      public int getLength() {
        return body.length;
      }

      @Override
      public int write(MutableDirectBuffer buffer, int offset) {
        buffer.putBytes(offset, body);
        return body.length;
      }
    }, new LogStorage.AppendListener() {});
  }

  static List<String> read(FileLogStorage log, long from) {
    List<String> blocks = new ArrayList<>();
    try (LogStorageReader reader = log.newReader()) {
      reader.seek(from);
      while (reader.hasNext()) {
        DirectBuffer b = reader.next();
        blocks.add(b.getStringWithoutLengthAscii(0, b.capacity()).trim());
      }
    }
    return blocks;
  }

  /** Writes blocks of 10 positions each, 1..count*10. */
  static void fill(FileLogStorage log, int count) {
    for (int i = 0; i < count; i++) {
      append(log, i * 10L + 1, i * 10L + 10);
    }
  }

  List<Path> segmentFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("log"))) {
      return files.sorted().toList();
    }
  }

  @Test
  void blocksRollOverIntoSegmentsOfBoundedSize() throws IOException {
    try (FileLogStorage log = FileLogStorage.open(dir.resolve("log"), true, SEGMENT)) {
      fill(log, 200);
      assertThat(log.blocks()).isEqualTo(200);
      assertThat(log.highestPosition()).isEqualTo(2000);
      // 124 bytes per entry: 33 entries per 4 KiB segment
      assertThat(log.segments()).isEqualTo(7);
      for (Path segment : segmentFiles()) {
        assertThat(Files.size(segment)).isLessThanOrEqualTo(SEGMENT);
      }
      assertThat(read(log, 995)).first().isEqualTo("block 991..1000");
    }
  }

  @Test
  void compactionDeletesWholeSegmentsBeforeThePositionAndKeepsTheOneHoldingIt() throws IOException {
    try (FileLogStorage log = FileLogStorage.open(dir.resolve("log"), true, SEGMENT)) {
      fill(log, 200);
      // The first segment holds blocks 1..33 (positions 1..330), the second 331..660.
      assertThat(log.compact(330)).as("position 330 is in the first segment").isZero();
      assertThat(log.compact(331)).isEqualTo(1);
      assertThat(log.lowestPosition()).isEqualTo(331);
      assertThat(log.compact(1_000)).isEqualTo(2);
      assertThat(log.lowestPosition()).isEqualTo(991);
      assertThat(read(log, 1_000)).first().isEqualTo("block 991..1000");
      // a reader looking for something compacted away goes on with the oldest block still there
      assertThat(read(log, 5)).first().isEqualTo("block 991..1000");
      assertThat(log.compact(Long.MAX_VALUE)).as("the active segment stays").isEqualTo(3);
      assertThat(log.segments()).isEqualTo(1);
      assertThat(log.blocks()).isEqualTo(200 - 6 * 33);
    }
    try (FileLogStorage log = FileLogStorage.open(dir.resolve("log"), true, SEGMENT)) {
      assertThat(log.blocks()).isEqualTo(2);
      assertThat(read(log, Long.MIN_VALUE)).containsExactly("block 1981..1990", "block 1991..2000");
      append(log, 2001, 2001);
      assertThat(log.highestPosition()).isEqualTo(2001);
    }
  }

  @Test
  void readerInTheMiddleOfACompactedSegmentContinuesWithWhatIsLeft() throws IOException {
    try (FileLogStorage log = FileLogStorage.open(dir.resolve("log"), true, SEGMENT)) {
      fill(log, 100);
      try (LogStorageReader reader = log.newReader()) {
        reader.seek(1);
        reader.next();
        log.compact(700);
        DirectBuffer next = reader.next();
        assertThat(next.getStringWithoutLengthAscii(0, next.capacity()).trim()).isEqualTo("block 661..670");
      }
    }
  }

  @Test
  void diskUseStaysBoundedWhenEverySnapshotCompacts() throws IOException {
    try (FileLogStorage log = FileLogStorage.open(dir.resolve("log"), true, SEGMENT)) {
      long maxBytes = 0;
      int maxIndex = 0;
      for (int round = 0; round < 100; round++) {
        for (int i = 0; i < 20; i++) {
          long lowest = Math.max(0, log.highestPosition()) + 1;
          append(log, lowest, lowest + 9);
        }
        log.compact(log.highestPosition() - 50); // a snapshot a little behind the head
        maxBytes = Math.max(maxBytes, log.sizeInBytes());
        maxIndex = Math.max(maxIndex, log.blocks());
      }
      assertThat(log.highestPosition()).isEqualTo(20_000);
      assertThat(maxBytes).as("2,000 blocks (248 KB) written").isLessThanOrEqualTo(2L * SEGMENT);
      assertThat(maxIndex).isLessThanOrEqualTo(2 * 33);
      assertThat(segmentFiles()).hasSizeLessThanOrEqualTo(2);
    }
  }

  @Test
  void aHalfWrittenLastEntryIsCutOffAndDamageBeforeTheEndIsRefused() throws IOException {
    try (FileLogStorage log = FileLogStorage.open(dir.resolve("log"), true, SEGMENT)) {
      fill(log, 40); // two segments
    }
    List<Path> files = segmentFiles();
    Path last = files.get(files.size() - 1);
    long size = Files.size(last);
    try (FileChannel channel = FileChannel.open(last, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(new byte[] {0, 0, 0, 100, 1, 2}), size); // a header cut short
    }
    try (FileLogStorage log = FileLogStorage.open(dir.resolve("log"), true, SEGMENT)) {
      assertThat(log.blocks()).isEqualTo(40);
    }
    assertThat(Files.size(last)).isEqualTo(size);

    try (FileChannel channel = FileChannel.open(files.get(0), StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(new byte[] {'X'}), FileLogStorage.HEADER + 5); // inside the first block
    }
    assertThatThrownBy(() -> FileLogStorage.open(dir.resolve("log"), true, SEGMENT))
        .isInstanceOf(FileLogStorage.Unreadable.class).hasMessageContaining("checksum");
  }

  @Test
  void aSingleFileLogOfAnEarlierVersionBecomesTheFirstSegment() throws IOException {
    Path single = dir.resolve("old");
    try (FileLogStorage log = FileLogStorage.open(single, false, Long.MAX_VALUE)) {
      fill(log, 5);
    }
    // what an earlier PerfFlow left: the one segment's bytes as the file "log"
    Files.move(single.resolve(String.format("%020d.seg", 1)), dir.resolve("log"));
    try (FileLogStorage log = FileLogStorage.open(dir.resolve("log"), true, SEGMENT)) {
      assertThat(log.blocks()).isEqualTo(5);
      assertThat(read(log, 1)).hasSize(5).first().isEqualTo("block 1..10");
    }
    assertThat(Files.isDirectory(dir.resolve("log"))).isTrue();
  }
}
