package io.perfflow.audit;

import java.time.Instant;

/** One entry of the append-only audit trail. {@code details} is the JSON text that was hashed. */
public record AuditEvent(
    long id, Instant at, String actor, String action, Long reviewId, Long cycleId, String details) {}
