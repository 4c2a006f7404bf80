package io.perfflow.api;

import io.perfflow.InvalidInputException;
import io.perfflow.InvalidInputException.FieldError;
import io.perfflow.NotPermittedException;
import io.perfflow.Texts;
import io.perfflow.access.AccessPolicy;
import io.perfflow.org.Employee;
import io.perfflow.org.Organisation;
import io.perfflow.org.PreferencePart;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An employee's preferences, read and changed by the employee or HR: the fields the
 * {@link PreferencePart} beans contribute ({@code language}, {@code dailyFeedback}, ...). A PUT
 * names the fields it changes (at least one); an unknown field or a bad value is a 400 naming it
 * and nothing is written. The answer is every preference.
 */
@RestController
public class PreferencesController {
  private final Organisation organisation;
  private final AccessPolicy access;
  private final List<PreferencePart> parts;

  public PreferencesController(Organisation organisation, AccessPolicy access, List<PreferencePart> parts) {
    this.organisation = organisation;
    this.access = access;
    this.parts = parts.stream().sorted(Comparator.comparing(PreferencePart::field)).toList();
  }

  @GetMapping("/api/employees/{id}/preferences")
  public Map<String, Object> get(@PathVariable String id, Principal principal) {
    Employee e = mayChange(id, principal, io.perfflow.Msg.of("org.error.preferencesRead"));
    return all(e.id());
  }

  @PutMapping("/api/employees/{id}/preferences")
  @Transactional
  public Map<String, Object> put(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body, Principal principal) {
    Employee e = mayChange(id, principal, io.perfflow.Msg.of("org.error.preferencesChange"));
    if (body == null || body.isEmpty()) {
      throw new InvalidInputException(parts.stream()
          .map(p -> new FieldError(p.field(), io.perfflow.Msg.of("org.error.preferenceRequired", p.expected()))).toList());
    }
    List<FieldError> problems = new ArrayList<>();
    for (String field : body.keySet()) {
      PreferencePart part = part(field);
      if (part == null) {
        problems.add(new FieldError(Texts.excerpt(field), io.perfflow.Msg.of("org.error.notAPreference", parts.stream().map(PreferencePart::field).toList())));
      } else {
        part.problem(body.get(field)).ifPresent(problems::add);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    body.forEach((field, value) -> part(field).write(e.id(), value, principal.getName()));
    return all(e.id());
  }

  private Employee mayChange(String id, Principal principal, io.perfflow.Msg refusal) {
    Employee e = organisation.get(id);
    if (!principal.getName().equals(e.id()) && !access.isHr(principal.getName())) {
      throw new NotPermittedException(io.perfflow.Msg.of("org.error.preferences", e.id(), refusal));
    }
    return e;
  }

  private PreferencePart part(String field) {
    return parts.stream().filter(p -> p.field().equals(field)).findFirst().orElse(null);
  }

  private Map<String, Object> all(String employeeId) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("employeeId", employeeId);
    parts.forEach(p -> out.put(p.field(), p.read(employeeId)));
    return out;
  }
}
