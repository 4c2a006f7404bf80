package io.perfflow.wellbeing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A signal as of a date: its value (null when there is no data), the rule's threshold and
 * window, the window's dates (null where the signal has none), and whether it fired.
 */
public record SignalReading(
    String signal, BigDecimal value, BigDecimal threshold, String comparison, String window,
    LocalDate windowFrom, LocalDate windowTo, String kind, boolean fired) {}
