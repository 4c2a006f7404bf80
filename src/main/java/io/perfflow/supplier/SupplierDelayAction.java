package io.perfflow.supplier;

import io.perfflow.InvalidInputException;
import java.util.Arrays;

/** What the buyer (or, escalated, a procurement manager) does about a late order (the form's {@code action}). */
public enum SupplierDelayAction {
  EXPEDITE,
  SWITCH_SUPPLIER,
  ACCEPT_NEW_DATE,
  CANCEL_ORDER;

  /** The action named {@code value}; a 400 naming the field otherwise. */
  public static SupplierDelayAction parse(String value) {
    return Arrays.stream(values()).filter(a -> a.name().equals(value)).findFirst()
        .orElseThrow(() -> new InvalidInputException("action", io.perfflow.Msg.of("supplier.error.action", Arrays.toString(values()), value)));
  }
}
