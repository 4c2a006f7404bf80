package io.perfflow.api;

import io.perfflow.audit.AuditLog;
import io.perfflow.config.SecurityConfiguration;
import io.perfflow.org.Employee;
import io.perfflow.org.NewEmployee;
import io.perfflow.org.Organisation;
import io.perfflow.tasks.TaskForbiddenException;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/employees")
public class EmployeesController {
  private final Organisation organisation;
  private final AuditLog audit;

  public EmployeesController(Organisation organisation, AuditLog audit) {
    this.organisation = organisation;
    this.audit = audit;
  }

  @PostMapping
  public ResponseEntity<Employee> create(@RequestBody NewEmployee body, Principal principal) {
    Employee created = organisation.create(body);
    audit.append(principal.getName(), "EMPLOYEE_CREATED", null,
        Map.of("employeeId", created.id(), "role", created.role(), "team", created.team(), "groups", created.groups()));
    return ResponseEntity.created(URI.create("/api/employees/" + created.id())).body(created);
  }

  /** HR sees everyone; others see themselves and their direct reports. */
  @GetMapping("/{id}")
  public Employee get(@PathVariable String id, Authentication auth) {
    Employee e = organisation.get(id);
    boolean hr = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(SecurityConfiguration.HR));
    if (!hr && !auth.getName().equals(id) && !auth.getName().equals(e.managerId())) {
      throw new TaskForbiddenException("'" + auth.getName() + "' may not read employee " + id);
    }
    return e;
  }

  @GetMapping
  public List<Employee> list(Authentication auth) {
    boolean hr = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(SecurityConfiguration.HR));
    return organisation.all().stream()
        .filter(e -> hr || e.id().equals(auth.getName()) || auth.getName().equals(e.managerId()))
        .toList();
  }
}
