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
      throw new io.perfflow.NotPermittedException(io.perfflow.Msg.of("org.error.mayNotRead", auth.getName(), id));
    }
    return e;
  }

  /** The fields {@code PATCH /api/employees/{id}} takes; any other is a 400 naming it. */
  static final List<String> CHANGE_FIELDS = java.util.Arrays.stream(Organisation.EmployeeChange.class.getRecordComponents())
      .map(java.lang.reflect.RecordComponent::getName).toList();

  /** HR changes someone's manager, groups, role, level, team, store, name or e-mail (only the fields sent). */
  @org.springframework.web.bind.annotation.PatchMapping("/{id}")
  public Employee change(@PathVariable String id, @RequestBody com.fasterxml.jackson.databind.JsonNode body, Principal principal) {
    Organisation.EmployeeChange change = employeeChange(body);
    Employee before = organisation.get(id);
    Employee after = organisation.change(id, change);
    Map<String, Object> details = new java.util.LinkedHashMap<>();
    details.put("employeeId", id);
    body.fieldNames().forEachRemaining(f -> details.put(f, f.equals("groups") ? after.groups() : String.valueOf(switch (f) {
      case "name" -> after.name();
      case "email" -> after.email();
      case "role" -> after.role();
      case "team" -> after.team();
      case "managerId" -> after.managerId();
      case "storeId" -> after.storeId();
      case "level" -> after.level();
      default -> "";
    })));
    if (!java.util.Objects.equals(before.managerId(), after.managerId())) {
      details.put("previousManagerId", String.valueOf(before.managerId()));
    }
    audit.append(principal.getName(), "EMPLOYEE_CHANGED", null, details);
    return after;
  }

  /** HR deactivates someone (no login, no new cycles; 409 while they manage active people, 400 for one's own account). */
  @PostMapping("/{id}/deactivate")
  public Employee deactivate(@PathVariable String id, Principal principal) {
    if (id.equals(principal.getName())) {
      throw new io.perfflow.InvalidInputException("id", io.perfflow.Msg.of("org.error.ownAccount"));
    }
    Employee e = organisation.setActive(id, false);
    audit.append(principal.getName(), "EMPLOYEE_DEACTIVATED", null, Map.of("employeeId", id));
    return e;
  }

  @PostMapping("/{id}/activate")
  public Employee activate(@PathVariable String id, Principal principal) {
    Employee e = organisation.setActive(id, true);
    audit.append(principal.getName(), "EMPLOYEE_ACTIVATED", null, Map.of("employeeId", id));
    return e;
  }

  static Organisation.EmployeeChange employeeChange(com.fasterxml.jackson.databind.JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new io.perfflow.InvalidInputException("body", io.perfflow.Msg.of("org.error.changeBody", String.join(", ", CHANGE_FIELDS)));
    }
    List<io.perfflow.InvalidInputException.FieldError> errors = new java.util.ArrayList<>();
    Map<String, String> texts = new java.util.HashMap<>();
    List<String> groups = null;
    for (var it = body.fields(); it.hasNext(); ) {
      var f = it.next();
      String name = f.getKey();
      com.fasterxml.jackson.databind.JsonNode v = f.getValue();
      if (!CHANGE_FIELDS.contains(name)) {
        errors.add(new io.perfflow.InvalidInputException.FieldError(io.perfflow.Texts.excerpt(name),
            io.perfflow.Msg.of("org.error.notChangeable", String.join(", ", CHANGE_FIELDS))));
      } else if (name.equals("groups")) {
        if (!v.isArray()) {
          errors.add(new io.perfflow.InvalidInputException.FieldError("groups", io.perfflow.Msg.of("org.error.groupsList")));
        } else {
          groups = new java.util.ArrayList<>();
          for (var g : v) {
            if (!g.isTextual()) {
              errors.add(new io.perfflow.InvalidInputException.FieldError("groups", io.perfflow.Msg.of("org.error.groupsList")));
            } else {
              groups.add(g.asText());
            }
          }
        }
      } else if (v.isNull() && (name.equals("managerId") || name.equals("storeId"))) {
        texts.put(name, "");
      } else if (!v.isTextual()) {
        errors.add(new io.perfflow.InvalidInputException.FieldError(name, io.perfflow.Msg.of("org.error.mustBeText")));
      } else if (v.asText().indexOf('\0') >= 0) {
        errors.add(new io.perfflow.InvalidInputException.FieldError(name, io.perfflow.Msg.of("org.error.nul")));
      } else {
        texts.put(name, v.asText());
      }
    }
    if (groups != null) {
      groups.stream().filter(g -> g.indexOf('\0') >= 0).findFirst()
          .ifPresent(g -> errors.add(new io.perfflow.InvalidInputException.FieldError("groups", io.perfflow.Msg.of("org.error.nul"))));
    }
    if (body.isEmpty()) {
      errors.add(new io.perfflow.InvalidInputException.FieldError("body", io.perfflow.Msg.of("org.error.nothingToChange", String.join(", ", CHANGE_FIELDS))));
    }
    if (!errors.isEmpty()) {
      throw new io.perfflow.InvalidInputException(errors);
    }
    return new Organisation.EmployeeChange(texts.get("name"), texts.get("email"), texts.get("role"), texts.get("team"),
        texts.get("managerId"), texts.get("storeId"), texts.get("level"), groups);
  }

  @GetMapping
  public List<Employee> list(Authentication auth) {
    return organisation.all().stream().filter(e -> access.canReadEmployee(auth.getName(), e)).toList();
  }
}
