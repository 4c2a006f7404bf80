package io.perfflow.web;

/**
 * A link in the main navigation, contributed as a bean by the process family whose page it is.
 * {@code label} is a message key of the family's bundle ({@code review.nav.cycles}); a text that is
 * no key is shown as it is.
 * {@code active} is the page's {@code active} model attribute (marks the current page);
 * links are shown by {@code position}, after "My tasks" and before "Mailbox". An {@code hrOnly}
 * link is shown to HR only (its page refuses others anyway); a link with a {@code group} is shown
 * to HR and that group's members only.
 */
public record NavLink(int position, String label, String path, String active, boolean hrOnly, String group) {
  public NavLink(int position, String label, String path, String active) {
    this(position, label, path, active, false, null);
  }

  public NavLink(int position, String label, String path, String active, boolean hrOnly) {
    this(position, label, path, active, hrOnly, null);
  }
}
