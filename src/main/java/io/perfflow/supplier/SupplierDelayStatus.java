package io.perfflow.supplier;

/** Where a supplier-delay case stands (the CHECK of supplier_delay_case.status). Open: OPEN, WAITING_NEW_DATE. */
public enum SupplierDelayStatus {
  OPEN,
  WAITING_NEW_DATE,
  RESOLVED,
  DELIVERED;

  public boolean isOpen() {
    return this == OPEN || this == WAITING_NEW_DATE;
  }
}
