package io.perfflow.cs;

/**
 * How a store's overlapping login windows share a session (table {@code cs_attribution_rule};
 * a store without a row is {@link #LAST_LOGIN}).
 */
public enum AttributionRule {
  /** The agent who logged in last gets the whole session (equal login times: the smaller agent id). */
  LAST_LOGIN,
  /** Each agent whose window covers the session gets an equal fraction of it. */
  SPLIT
}
