package io.camunda.zeebe.process.test.engine;

import io.camunda.search.clients.SearchClientsProxy;
import io.camunda.security.auth.BrokerRequestAuthorizationConverter;
import io.camunda.security.configuration.SecurityConfiguration;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.engine.Engine;
import io.camunda.zeebe.engine.EngineConfiguration;
import io.camunda.zeebe.engine.processing.EngineProcessors;
import io.camunda.zeebe.engine.processing.message.command.SubscriptionCommandSender;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.log.LogStreamWriter;
import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.impl.ControllableStreamClockImpl;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.util.FeatureFlags;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.stream.api.CommandResponseWriter;
import io.camunda.zeebe.util.buffer.BufferWriter;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.DirectBuffer;

/**
 * PerfFlow's own assembly of the test engine's parts (this class is PerfFlow code, not part of the
 * library; it sits in the library's package only to reach its package-private gateway types).
 *
 * <p>It wires the same pieces as the library's {@code EngineFactory} (one partition, the real
 * workflow engine behind a stream processor, the library's gRPC-to-log gateway and job streamer),
 * but over the log storage and state database it is given: PerfFlow passes a log kept on disk and
 * RocksDB state, so in-flight work survives a restart and state reads do not copy live state. Its
 * gRPC server listens on loopback only.
 */
public final class PerfFlowEngineAssembly {
  private static final int PARTITION_ID = 1;
  private static final int PARTITION_COUNT = 1;

  private PerfFlowEngineAssembly() {}

  /**
   * The assembled engine.
   *
   * @param commandLog the writer every command of the gateway goes through (synchronize on it
   *     when writing commands yourself, as the gateway does)
   */
  public record Parts(Server grpcServer, StreamProcessor streamProcessor, LogStream logStream, LogStreamWriter commandLog) {}

  public static Parts assemble(
      LogStorage storage, ZeebeDb<ZbColumnFamilies> db, ControlledActorClock clock, ActorScheduler scheduler, int port) {
    LogStream logStream =
        LogStream.builder()
            .withPartitionId(PARTITION_ID)
            .withLogStorage(storage)
            .withClock(clock)
            .withMeterRegistry(new SimpleMeterRegistry())
            .build();
    LogStreamWriter commandLog = logStream.newLogStreamWriter();
    CommandWriter commandWriter = new CommandWriter(commandLog);
    CommandSender commandSender = new CommandSender(commandWriter);
    GatewayRequestStore requests = new GatewayRequestStore();
    long firstRequestId = startRequestIdsAfterEarlierRuns(requests);
    InMemoryJobStreamer jobStreamer = new InMemoryJobStreamer(commandWriter);
    GrpcToLogStreamGateway gateway =
        new GrpcToLogStreamGateway(commandWriter, PARTITION_ID, PARTITION_COUNT, port, requests, jobStreamer);
    Server grpcServer =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
            .addService(gateway)
            .build();
    CommandResponseWriter responses =
        new CurrentRunResponses(new GrpcResponseWriter(gateway, requests, null), firstRequestId);

    SecurityConfiguration security = new SecurityConfiguration();
    security.getAuthorizations().setEnabled(false);
    StreamProcessor streamProcessor =
        StreamProcessor.builder()
            .logStream(logStream)
            .zeebeDb(db)
            .commandResponseWriter(responses)
            .partitionCommandSender(commandSender)
            .recordProcessors(
                List.of(
                    new Engine(
                        context ->
                            EngineProcessors.createEngineProcessors(
                                context,
                                PARTITION_COUNT,
                                new SubscriptionCommandSender(context.getPartitionId(), commandSender),
                                commandSender,
                                FeatureFlags.createDefault(),
                                jobStreamer,
                                SearchClientsProxy.noop(),
                                new BrokerRequestAuthorizationConverter(security)),
                        new EngineConfiguration(),
                        security)))
            .actorSchedulingService(scheduler)
            .clock(new ControllableStreamClockImpl(clock))
            .meterRegistry(new SimpleMeterRegistry())
            .build();
    return new Parts(grpcServer, streamProcessor, logStream, commandLog);
  }

  /**
   * Commands in the log carry the id of the gRPC request that wrote them. After a crash the engine
   * processes the commands it had not processed yet, and answers their requests: those belong to a
   * run that is gone, and with ids counted from 1 again they would be answered to whichever new
   * request has the same id. Ids start above every earlier run's (the wall clock in microseconds),
   * and answers to older ids are dropped.
   */
  private static long startRequestIdsAfterEarlierRuns(GatewayRequestStore requests) {
    long first = System.currentTimeMillis() * 1000;
    try {
      Field generator = GatewayRequestStore.class.getDeclaredField("requestIdGenerator");
      generator.setAccessible(true);
      ((AtomicLong) generator.get(requests)).set(first);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("The engine's gateway changed shape (GatewayRequestStore); check its version", e);
    }
    return first;
  }

  /**
   * Writes responses only for requests of this run (see {@link #startRequestIdsAfterEarlierRuns}),
   * and one engine's response at a time in this JVM.
   *
   * <p>The library's {@code GrpcResponseWriter} keeps the key, the intent and the view of the
   * value of the response being written in <em>static</em> fields. The engine sets them and then
   * sends, on its actor thread; with two engines in one JVM (the test suite: the application's
   * engine and a test's own) one engine's fields can be overwritten in between. That was seen: the
   * view pointed at the other engine's bytes, the response could not be read ("Could not
   * deserialize object [ProcessInstanceResultRecord]"), and the engine retried that side effect
   * for good, answering nothing more. So the fields are kept here, per engine (the value copied
   * as it is given), and handed over and sent under one lock.
   */
  private static final class CurrentRunResponses implements CommandResponseWriter {
    /** Guards the library writer's static fields from the set-up of a response to its sending. */
    private static final Object SENDING = new Object();

    private final CommandResponseWriter delegate;
    private final long firstRequestId;
    private final org.agrona.ExpandableArrayBuffer value = new org.agrona.ExpandableArrayBuffer();
    private final io.camunda.zeebe.util.buffer.DirectBufferWriter valueOut = new io.camunda.zeebe.util.buffer.DirectBufferWriter();
    private final org.agrona.ExpandableArrayBuffer reason = new org.agrona.ExpandableArrayBuffer();
    private final org.agrona.concurrent.UnsafeBuffer reasonOut = new org.agrona.concurrent.UnsafeBuffer(0, 0);
    private int partitionId;
    private long key;
    private Intent intent;
    private RecordType recordType;
    private ValueType valueType;
    private RejectionType rejectionType;
    private int valueLength;
    private int reasonLength;

    CurrentRunResponses(CommandResponseWriter delegate, long firstRequestId) {
      this.delegate = delegate;
      this.firstRequestId = firstRequestId;
    }

    @Override
    public CommandResponseWriter partitionId(int partitionId) {
      this.partitionId = partitionId;
      return this;
    }

    @Override
    public CommandResponseWriter key(long key) {
      this.key = key;
      return this;
    }

    @Override
    public CommandResponseWriter intent(Intent intent) {
      this.intent = intent;
      return this;
    }

    @Override
    public CommandResponseWriter recordType(RecordType type) {
      this.recordType = type;
      return this;
    }

    @Override
    public CommandResponseWriter valueType(ValueType valueType) {
      this.valueType = valueType;
      return this;
    }

    @Override
    public CommandResponseWriter rejectionType(RejectionType rejectionType) {
      this.rejectionType = rejectionType;
      return this;
    }

    @Override
    public CommandResponseWriter rejectionReason(DirectBuffer rejectionReason) {
      reasonLength = rejectionReason.capacity();
      reason.putBytes(0, rejectionReason, 0, reasonLength);
      return this;
    }

    @Override
    public CommandResponseWriter valueWriter(BufferWriter value) {
      value.write(this.value, 0);
      valueLength = value.getLength();
      return this;
    }

    @Override
    public void tryWriteResponse(int requestStreamId, long requestId) {
      if (requestId < firstRequestId) {
        return;
      }
      synchronized (SENDING) {
        reasonOut.wrap(reason, 0, reasonLength);
        delegate.partitionId(partitionId).key(key).intent(intent).recordType(recordType).valueType(valueType)
            .rejectionType(rejectionType).rejectionReason(reasonOut).valueWriter(valueOut.wrap(value, 0, valueLength));
        delegate.tryWriteResponse(requestStreamId, requestId);
      }
    }
  }
}
