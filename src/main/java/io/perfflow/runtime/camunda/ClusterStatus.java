package io.perfflow.runtime.camunda;

import io.perfflow.engine.EngineConnection;
import java.util.Optional;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What PerfFlow last saw of the Camunda cluster, for the UI and the health endpoint: UP or DOWN,
 * since when, the last error, and whether the models are deployed. Updated by the background
 * probe, by every health check and by every failed command; reading it never calls the cluster.
 */
public class ClusterStatus implements EngineConnection {
  public enum State {
    UNKNOWN,
    UP,
    DOWN
  }

  /** One immutable view of the status. {@code lastError} is kept after recovery, for the UI. */
  public record Snapshot(
      State state,
      Instant since,
      Instant checkedAt,
      String lastError,
      Instant lastErrorAt,
      String deployment) {}

  private final Clock clock;
  private final AtomicReference<Snapshot> current;

  public ClusterStatus() {
    this(Clock.systemUTC());
  }

  public ClusterStatus(Clock clock) {
    this.clock = clock;
    Instant now = clock.instant();
    this.current =
        new AtomicReference<>(new Snapshot(State.UNKNOWN, now, null, null, null, "pending"));
  }

  public Snapshot snapshot() {
    return current.get();
  }

  @Override
  public Optional<Down> down() {
    Snapshot s = current.get();
    return s.state() == State.DOWN ? Optional.of(new Down(s.since(), s.lastError())) : Optional.empty();
  }

  public boolean isUp() {
    return current.get().state() == State.UP;
  }

  public void markUp() {
    Instant now = clock.instant();
    current.updateAndGet(
        s ->
            new Snapshot(
                State.UP, s.state() == State.UP ? s.since() : now, now, s.lastError(),
                s.lastErrorAt(), s.deployment()));
  }

  public void markDown(String error) {
    Instant now = clock.instant();
    current.updateAndGet(
        s ->
            new Snapshot(
                State.DOWN, s.state() == State.DOWN ? s.since() : now, now, error, now,
                s.deployment()));
  }

  public void deployment(String deployment) {
    current.updateAndGet(
        s -> new Snapshot(s.state(), s.since(), s.checkedAt(), s.lastError(), s.lastErrorAt(), deployment));
  }
}
