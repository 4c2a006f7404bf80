package io.perfflow.hr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perfflow.ConflictException;
import io.perfflow.InvalidInputException;
import io.perfflow.api.EmployeesController;
import io.perfflow.org.Employee;
import io.perfflow.org.NewEmployee;
import io.perfflow.org.Organisation;
import io.perfflow.web.PageController;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * People (HR): the list with a search, a new person, a file of people in one go (each bad row
 * listed), one person's manager, groups, role, level, team, store and e-mail, and deactivation.
 * Every change goes through {@link EmployeesController}, so it is checked and audited as the API does.
 */
@PageController
public class PeoplePages {
  /** The fields of the "Add a person" form, in order. */
  static final List<String> NEW_FIELDS = List.of("id", "name", "email", "role", "team", "managerId", "storeId", "hiredOn", "level", "basePay", "password", "track");

  private final Organisation organisation;
  private final EmployeesController api;
  private final ObjectMapper json;

  public PeoplePages(Organisation organisation, EmployeesController api, ObjectMapper json) {
    this.organisation = organisation;
    this.api = api;
    this.json = json;
  }

  @GetMapping("/people")
  String list(@RequestParam(defaultValue = "") String q, Authentication auth, Model model) {
    HrPages.requireHr(auth, io.perfflow.Msg.of("hr.error.may.managePeople"));
    return listPage(model, q, new LinkedHashMap<>(), List.of(), Map.of(), List.of(), null);
  }

  @PostMapping("/people")
  String create(@RequestParam Map<String, String> form, @RequestParam(required = false) List<String> groups,
      Authentication auth, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    HrPages.requireHr(auth, io.perfflow.Msg.of("hr.error.may.addPeople"));
    Map<String, String> values = new LinkedHashMap<>();
    NEW_FIELDS.forEach(f -> values.put(f, form.getOrDefault(f, "").strip()));
    Map<String, String> errors = new LinkedHashMap<>();
    LocalDate hiredOn = null;
    BigDecimal basePay = null;
    try {
      hiredOn = values.get("hiredOn").isEmpty() ? null : LocalDate.parse(values.get("hiredOn"));
    } catch (java.time.format.DateTimeParseException e) {
      errors.put("hiredOn", "must be a date YYYY-MM-DD");
    }
    try {
      basePay = values.get("basePay").isEmpty() ? null : new BigDecimal(values.get("basePay"));
    } catch (NumberFormatException e) {
      errors.put("basePay", "must be a number like 8000 or 8000.50");
    }
    List<String> chosen = groups == null ? List.of() : groups;
    NewEmployee e = new NewEmployee(blank(values.get("id")), blank(values.get("name")), blank(values.get("email")), blank(values.get("role")),
        blank(values.get("team")), blank(values.get("managerId")), blank(values.get("storeId")), hiredOn, blank(values.get("level")), basePay,
        chosen, form.getOrDefault("password", "").isEmpty() ? null : form.get("password"), blank(values.get("track")));
    // Unparsable fields go in as missing, so every other problem is reported along with them.
    try {
      Employee created = api.create(e, auth).getBody();
      redirect.addFlashAttribute("flash", io.perfflow.Msg.of("hr.flash.added", created.name(), created.id()).current());
      return "redirect:/people/" + created.id();
    } catch (InvalidInputException ex) {
      HrPages.byField(ex).forEach(errors::putIfAbsent);
    }
    response.setStatus(400);
    values.put("password", "");
    return listPage(model, "", values, chosen, errors, List.of(), null);
  }

  @PostMapping("/people/import")
  String importPeople(@RequestParam(required = false) MultipartFile file, Authentication auth, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    HrPages.requireHr(auth, io.perfflow.Msg.of("hr.error.may.importPeople"));
    if (file == null || file.isEmpty()) {
      response.setStatus(400);
      return listPage(model, "", new LinkedHashMap<>(), List.of(), Map.of(), List.of(new HrPages.BadRow("file", "file", io.perfflow.Msg.of("hr.error.chooseCsvOrJson").current())), null);
    }
    boolean isJson = HrPages.isJson(file);
    try {
      Map<String, Object> result = api.importPeople(HrPages.text(file), isJson ? "application/json" : "text/csv", auth);
      redirect.addFlashAttribute("flash", io.perfflow.Msg.of("hr.flash.importedPeople", result.get("rows"), file.getOriginalFilename()).current());
      return "redirect:/people";
    } catch (InvalidInputException e) {
      response.setStatus(400);
      return listPage(model, "", new LinkedHashMap<>(), List.of(), Map.of(), HrPages.rows(e), file.getOriginalFilename());
    }
  }

  private String listPage(Model model, String q, Map<String, String> values, List<String> chosenGroups, Map<String, String> errors,
      List<HrPages.BadRow> importErrors, String importFile) {
    String query = q.strip().toLowerCase(Locale.ROOT);
    List<Employee> people = organisation.all().stream()
        .filter(e -> query.isEmpty() || matches(e, query))
        .toList();
    NEW_FIELDS.forEach(f -> values.putIfAbsent(f, ""));
    model.addAttribute("people", people);
    model.addAttribute("total", organisation.all().size());
    model.addAttribute("q", q);
    model.addAttribute("values", values);
    model.addAttribute("chosenGroups", chosenGroups);
    model.addAttribute("groups", organisation.groups());
    model.addAttribute("errors", errors);
    model.addAttribute("importErrors", importErrors);
    model.addAttribute("importFile", importFile);
    return "people";
  }

  private static boolean matches(Employee e, String q) {
    for (String s : new String[] {e.id(), e.name(), e.email(), e.role(), e.team(), e.managerId(), e.level(), String.join(" ", e.groups())}) {
      if (s != null && s.toLowerCase(Locale.ROOT).contains(q)) {
        return true;
      }
    }
    return false;
  }

  @GetMapping("/people/{id}")
  String person(@PathVariable String id, Authentication auth, Model model) {
    HrPages.requireHr(auth, io.perfflow.Msg.of("hr.error.may.managePeople"));
    Employee e = organisation.get(id);
    Map<String, String> values = values(e);
    return personPage(model, e, values, e.groups(), Map.of(), null);
  }

  @PostMapping("/people/{id}")
  String change(@PathVariable String id, @RequestParam Map<String, String> form, @RequestParam(required = false) List<String> groups,
      Authentication auth, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    HrPages.requireHr(auth, io.perfflow.Msg.of("hr.error.may.changePeople"));
    Employee e = organisation.get(id);
    ObjectNode body = json.createObjectNode();
    Map<String, String> values = new LinkedHashMap<>();
    for (String f : List.of("name", "email", "role", "team", "managerId", "storeId", "level")) {
      String v = form.getOrDefault(f, "").strip();
      values.put(f, v);
      body.put(f, v);
    }
    List<String> chosen = groups == null ? List.of() : groups;
    chosen.forEach(body.putArray("groups")::add);
    if (!body.has("groups")) {
      body.putArray("groups");
    }
    try {
      api.change(id, body, auth);
      redirect.addFlashAttribute("flash", io.perfflow.Msg.of("hr.flash.saved", id).current());
      return "redirect:/people/" + id;
    } catch (InvalidInputException ex) {
      response.setStatus(400);
      return personPage(model, e, values, chosen, HrPages.byField(ex), null);
    }
  }

  @PostMapping("/people/{id}/deactivate")
  String deactivate(@PathVariable String id, Authentication auth, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    HrPages.requireHr(auth, io.perfflow.Msg.of("hr.error.may.deactivatePeople"));
    Employee e = organisation.get(id);
    try {
      api.deactivate(id, auth);
      redirect.addFlashAttribute("flash", io.perfflow.Msg.of("hr.flash.deactivated", e.name(), id).current());
      return "redirect:/people/" + id;
    } catch (ConflictException ex) {
      response.setStatus(409);
      return personPage(model, e, values(e), e.groups(), Map.of(), ex.getMessage());
    } catch (InvalidInputException ex) {
      response.setStatus(400);
      return personPage(model, e, values(e), e.groups(), Map.of(), String.join("; ", HrPages.byField(ex).values()));
    }
  }

  @PostMapping("/people/{id}/activate")
  String activate(@PathVariable String id, Authentication auth, RedirectAttributes redirect) {
    HrPages.requireHr(auth, io.perfflow.Msg.of("hr.error.may.reactivatePeople"));
    organisation.get(id);
    api.activate(id, auth);
    redirect.addFlashAttribute("flash", io.perfflow.Msg.of("hr.flash.active", id).current());
    return "redirect:/people/" + id;
  }

  private static Map<String, String> values(Employee e) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("name", e.name());
    values.put("email", e.email());
    values.put("role", e.role());
    values.put("team", e.team());
    values.put("managerId", e.managerId() == null ? "" : e.managerId());
    values.put("storeId", e.storeId() == null ? "" : e.storeId());
    values.put("level", e.level());
    return values;
  }

  private String personPage(Model model, Employee e, Map<String, String> values, List<String> chosenGroups, Map<String, String> errors,
      String statusError) {
    model.addAttribute("person", e);
    model.addAttribute("values", values);
    model.addAttribute("chosenGroups", chosenGroups);
    model.addAttribute("groups", organisation.groups());
    model.addAttribute("errors", errors);
    model.addAttribute("statusError", statusError);
    List<Employee> reports = new ArrayList<>(organisation.all().stream().filter(x -> e.id().equals(x.managerId())).toList());
    model.addAttribute("reports", reports);
    model.addAttribute("managers", organisation.all().stream().filter(Employee::active).filter(x -> !x.id().equals(e.id())).toList());
    return "person";
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
