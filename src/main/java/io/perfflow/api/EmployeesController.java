package io.perfflow.api;

import io.perfflow.audit.AuditLog;
import io.perfflow.org.Employee;
import io.perfflow.org.NewEmployee;
import io.perfflow.org.Organisation;
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
  private final io.perfflow.access.AccessPolicy access;
  private final io.perfflow.org.EmployeeImport employeeImport;

  public EmployeesController(Organisation organisation, AuditLog audit, io.perfflow.access.AccessPolicy access, io.perfflow.org.EmployeeImport employeeImport) {
    this.employeeImport = employeeImport;
    this.organisation = organisation;
    this.audit = audit;
    this.access = access;
  }

  @PostMapping
  public ResponseEntity<Employee> create(@RequestBody NewEmployee body, Principal principal) {
    Employee created = organisation.create(body);
    audit.append(principal.getName(), "EMPLOYEE_CREATED", null,
        Map.of("employeeId", created.id(), "role", created.role(), "team", created.team(), "groups", created.groups()));
    return ResponseEntity.created(URI.create("/api/employees/" + created.id())).body(created);
  }

  /** People in one go (CSV or a JSON array): all or nothing, each bad row named. */
  @PostMapping(value = "/import", consumes = {"text/csv", org.springframework.http.MediaType.TEXT_PLAIN_VALUE, org.springframework.http.MediaType.APPLICATION_JSON_VALUE})
  public Map<String, Object> importPeople(@RequestBody String body, @org.springframework.web.bind.annotation.RequestHeader("Content-Type") String contentType, Principal principal) {
    boolean json = contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
    List<String> ids = employeeImport.importPeople(body, json);
    audit.append(principal.getName(), "EMPLOYEES_IMPORTED", null, Map.of("format", json ? "json" : "csv", "rows", ids.size()));
    return Map.of("rows", ids.size(), "created", ids);
  }

  /** HR sees everyone; others see themselves and the people below them ({@link io.perfflow.access.AccessPolicy}). */
  @GetMapping("/{id}")
  public Employee get(@PathVariable String id, Authentication auth) {
    Employee e = organisation.get(id);
    if (!access.canReadEmployee(auth.getName(), e)) {
      throw new io.perfflow.NotPermittedException("'" + auth.getName() + "' may not read employee " + id
          + ": an employee is readable by themselves, their manager chain and HR");
    }
    return e;
  }

  @GetMapping
  public List<Employee> list(Authentication auth) {
    return organisation.all().stream().filter(e -> access.canReadEmployee(auth.getName(), e)).toList();
  }
}
