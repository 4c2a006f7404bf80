package io.perfflow.review;

import java.time.Instant;

/** A decision at one approval level (level 0 = the HR decision after repeated rejections). */
public record Approval(int round, int level, String group, String decision, String comment, String actor, Instant decidedAt) {}
