package io.perfflow.plans;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The plan templates per role (outside campaigns): everyone logged in reads them (the plans page
 * offers them), HR writes them (SecurityConfiguration). {@link PlanTemplates} checks and stores.
 */
@RestController
@RequestMapping("/api/plan-templates")
public class PlanTemplatesController {
  private final PlanTemplates templates;

  public PlanTemplatesController(PlanTemplates templates) {
    this.templates = templates;
  }

  @GetMapping("/{role}")
  public Map<String, Object> get(@PathVariable String role) {
    return json(role, templates.ofScoredRole(role));
  }

  @PutMapping("/{role}")
  public Map<String, Object> put(@PathVariable String role, @RequestBody(required = false) PlanTemplates.TemplateInput body, Authentication auth) {
    return json(role, templates.save(role, body, auth.getName()));
  }

  private static Map<String, Object> json(String role, List<Campaigns.TemplateItem> items) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("role", role);
    m.put("items", items);
    return m;
  }
}
