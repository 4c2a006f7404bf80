package io.perfflow.mail;

import io.perfflow.org.Employee;
import io.perfflow.org.Organisation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Resolves a mail task's {@code to} header into addresses: {@code employee}, {@code manager}
 * (of the review), {@code group:<id>}, {@code group-var:<variable>}, {@code head-var:<variable>},
 * {@code head:<group>}, comma separated.
 */
@Component
public class Recipients {
  private final Organisation organisation;

  public Recipients(Organisation organisation) {
    this.organisation = organisation;
  }

  public List<String> resolve(String spec, String employeeId, String managerId, Map<String, Object> variables) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("The mail task has no 'to' header");
    }
    Set<String> addresses = new LinkedHashSet<>();
    for (String part : spec.split(",")) {
      String p = part.trim();
      if (p.equals("employee")) {
        addresses.add(email(employeeId, p));
      } else if (p.equals("manager")) {
        addresses.add(email(managerId, p));
      } else if (p.startsWith("group:")) {
        addresses.addAll(members(p.substring(6), employeeId));
      } else if (p.startsWith("group-var:")) {
        addresses.addAll(members(variable(variables, p.substring(10), p), employeeId));
      } else if (p.startsWith("head-var:")) {
        addresses.add(head(variable(variables, p.substring(9), p)));
      } else if (p.startsWith("head:")) {
        addresses.add(head(p.substring(5)));
      } else if (p.startsWith("employee-var:")) {
        addresses.add(email(variable(variables, p.substring(13), p), p));
      } else {
        throw new IllegalArgumentException("Unknown recipient '" + p + "' in the mail task's 'to' header");
      }
    }
    return new ArrayList<>(addresses);
  }

  private String email(String employeeId, String spec) {
    if (employeeId == null) {
      throw new IllegalArgumentException("Recipient '" + spec + "' is not known for this process instance");
    }
    return organisation.get(employeeId).email();
  }

  /**
   * The group's members, without the employee the process is about: someone who sits in the
   * approver group of their own review (or case) may not act on it, so they are not reminded of it
   * either. When nobody else is left, the group's head stands in; when that is the employee too,
   * nobody in this group is mailed (the other recipients still are).
   */
  private List<String> members(String groupId, String subjectEmployeeId) {
    List<Employee> all = organisation.membersOf(groupId);
    if (all.isEmpty()) {
      throw new IllegalArgumentException("Group '" + groupId + "' has no members to mail");
    }
    List<String> emails = all.stream()
        .filter(member -> !member.id().equals(subjectEmployeeId))
        .map(Employee::email).toList();
    if (!emails.isEmpty()) {
      return emails;
    }
    String headId = organisation.group(groupId).map(group -> group.headId()).orElse(null);
    return headId != null && !headId.equals(subjectEmployeeId) ? List.of(organisation.get(headId).email()) : List.of();
  }

  private String head(String groupId) {
    var group = organisation.group(groupId).orElseThrow(() -> new IllegalArgumentException("No group '" + groupId + "'"));
    if (group.headId() == null) {
      throw new IllegalArgumentException("Group '" + groupId + "' has no head to escalate to");
    }
    return organisation.get(group.headId()).email();
  }

  private static String variable(Map<String, Object> variables, String name, String spec) {
    Object value = variables.get(name);
    if (value == null) {
      throw new IllegalArgumentException("Recipient '" + spec + "' needs the variable '" + name + "', which is not set");
    }
    return value.toString();
  }
}
