package io.perfflow.audit;

import java.time.Instant;

/**
 * One entry of the append-only audit trail. {@code details} is the JSON text that was hashed;
 * {@code subject} is what the event is about (null for events about nothing in particular).
 */
public record AuditEvent(long id, Instant at, String actor, String action, Subject subject, String details) {}
