package io.perfflow.bonus;

import io.perfflow.InvalidInputException;
import io.perfflow.NotPermittedException;
import io.perfflow.Numbers;
import io.perfflow.access.AccessPolicy;
import io.perfflow.audit.AuditLog;
import io.perfflow.tasks.TaskInbox;
import io.perfflow.web.NavLink;
import io.perfflow.web.PageController;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The team bonus pool pages: {@code /bonus-pools} (HR: every pool, the policy, and the form that
 * starts one) and {@code /bonus-pools/{id}} (HR and the pool's lead: status, who it waits for, the
 * allocation per member, history). Same rules as the API.
 */
@PageController
public class BonusPages {
  private final BonusPools pools;
  private final BonusPolicy policy;
  private final BonusPoolLauncher launcher;
  private final AccessPolicy access;
  private final AuditLog audit;
  private final TaskInbox inbox;

  public BonusPages(BonusPools pools, BonusPolicy policy, BonusPoolLauncher launcher, AccessPolicy access, AuditLog audit, TaskInbox inbox) {
    this.pools = pools;
    this.policy = policy;
    this.launcher = launcher;
    this.access = access;
    this.audit = audit;
    this.inbox = inbox;
  }

  @Bean
  static NavLink bonusPoolsNavLink() {
    return new NavLink(50, "bonus.nav.pools", "/bonus-pools", "bonus-pools", true);
  }

  @GetMapping("/bonus-pools")
  String list(Authentication auth, Model model) {
    requireHr(auth);
    return listPage(model, Map.of("currency", "CNY"), Map.of());
  }

  @PostMapping("/bonus-pools")
  String start(
      @RequestParam(defaultValue = "") String team, @RequestParam(defaultValue = "") String period,
      @RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String currency,
      @RequestParam(defaultValue = "") String leadId, Authentication auth, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    requireHr(auth);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("team", team);
    values.put("period", period);
    values.put("amount", amount);
    values.put("currency", currency);
    values.put("leadId", leadId);
    try {
      BigDecimal parsed = amount.isBlank() ? null
          : Numbers.parse(amount).orElseThrow(() -> new InvalidInputException("amount", io.perfflow.Msg.of("bonus.error.amountNumber")));
      BonusPoolLauncher.Started started = launcher.start(
          new BonusPools.NewPool(team.strip(), period.strip(), parsed, currency.strip(), leadId.isBlank() ? null : leadId.strip()), auth.getName());
      redirect.addFlashAttribute("flash", io.perfflow.Msg.of("bonus.flash.started", started.pool().id(), started.pool().team(), started.pool().period()).current());
      return "redirect:/bonus-pools/" + started.pool().id();
    } catch (InvalidInputException e) {
      response.setStatus(400);
      Map<String, String> errors = new LinkedHashMap<>();
      e.errors().forEach(f -> errors.merge(f.field(), f.message(), (a, b) -> a + "; " + b));
      return listPage(model, values, errors);
    }
  }

  private String listPage(Model model, Map<String, String> values, Map<String, String> errors) {
    BonusPolicy.Policy current = policy.current();
    return listPage(model, values, errors, BonusPolicy.formValues(current), Map.of(), current);
  }

  private String listPage(Model model, Map<String, String> values, Map<String, String> errors, Map<String, String> policyValues,
      Map<String, String> policyErrors, BonusPolicy.Policy current) {
    model.addAttribute("pools", pools.list());
    model.addAttribute("policy", current);
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    model.addAttribute("policyValues", policyValues);
    model.addAttribute("policyErrors", policyErrors);
    return "bonus-pools";
  }

  /**
   * HR changes the policy with the form on {@code /bonus-pools}: the whole policy, checked as a
   * whole like {@code PUT /api/bonus-pools/policy} (a refused list or line is shown next to its
   * field, nothing written); audited {@code BONUS_POLICY_SET}.
   */
  @PostMapping("/bonus-pools/policy")
  String changePolicy(
      @RequestParam(defaultValue = "") String tenureFactors, @RequestParam(defaultValue = "") String levelFactors,
      @RequestParam(defaultValue = "") String failGetsShare, @RequestParam(defaultValue = "") String maxLeadMovePercent,
      Authentication auth, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    requireHr(auth);
    try {
      policy.change(BonusPolicy.fromForm(tenureFactors, levelFactors, failGetsShare, maxLeadMovePercent), auth.getName());
      redirect.addFlashAttribute("flash", io.perfflow.Msg.of("bonus.flash.policySet").current());
      return "redirect:/bonus-pools";
    } catch (InvalidInputException e) {
      response.setStatus(400);
      Map<String, String> values = new LinkedHashMap<>();
      values.put("tenureFactors", tenureFactors);
      values.put("levelFactors", levelFactors);
      values.put("failGetsShare", failGetsShare);
      values.put("maxLeadMovePercent", maxLeadMovePercent);
      Map<String, String> errors = new LinkedHashMap<>();
      for (InvalidInputException.FieldError f : e.errors()) {
        // tenureFactors[1].minYears: the second line of the tenure factors
        java.util.regex.Matcher row = ROW.matcher(f.field());
        String field = row.matches() ? row.group(1) : f.field();
        String message = row.matches()
            ? io.perfflow.Msg.of("bonus.error.policyLine", BonusPolicy.lineOf(values.get(field), Integer.parseInt(row.group(2))), f.message()).current()
            : f.message();
        errors.merge(field, message, (a, b) -> a + "; " + b);
      }
      return listPage(model, Map.of("currency", "CNY"), Map.of(), values, errors, policy.current());
    }
  }

  private static final java.util.regex.Pattern ROW = java.util.regex.Pattern.compile("(\\w+)\\[(\\d+)\\].*");

  @GetMapping("/bonus-pools/{id}")
  String pool(@PathVariable long id, Authentication auth, Model model) {
    BonusPools.Pool pool = pools.get(id);
    if (!access.isHr(auth.getName()) && !auth.getName().equals(pool.leadId())) {
      throw new NotPermittedException(io.perfflow.Msg.of("bonus.error.mayNotRead", id));
    }
    return poolPage(model, pool, auth, null);
  }

  private String poolPage(Model model, BonusPools.Pool pool, Authentication auth, String restartError) {
    addPool(model, pool, pools, policy.current().maxLeadMovePercent());
    model.addAttribute("openTasks", inbox.open(null, null, BonusProcesses.pool(pool.id())));
    model.addAttribute("history", audit.historyOf(BonusProcesses.pool(pool.id())));
    // A pool the engine lost (detached from its instance, not completed): HR restarts it here.
    model.addAttribute("restartable", pool.status() != BonusPoolStatus.COMPLETED && pool.processInstanceKey() == null);
    model.addAttribute("restartError", restartError);
    return "bonus-pool";
  }

  /** HR restarts a pool the engine lost: the same as {@code POST /api/bonus-pools/{id}/restart}. */
  @PostMapping("/bonus-pools/{id}/restart")
  String restart(@PathVariable long id, Authentication auth, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    if (!access.isHr(auth.getName())) {
      throw new NotPermittedException(io.perfflow.Msg.of("bonus.error.hrRestarts", id));
    }
    try {
      BonusPoolLauncher.Started started = launcher.restart(id, auth.getName());
      redirect.addFlashAttribute("flash", io.perfflow.Msg.of("bonus.flash.restarted", id, String.valueOf(started.processInstanceKey())).current());
      return "redirect:/bonus-pools/" + id;
    } catch (InvalidInputException e) {
      response.setStatus(400);
      return poolPage(model, pools.get(id), auth, e.errors().get(0).message());
    }
  }

  /** What the pool page and the task page show of a pool: the pool, its allocation and the lead's limit. */
  static void addPool(Model model, BonusPools.Pool pool, BonusPools pools, BigDecimal maxPercent) {
    List<BonusPools.Allocation> allocations = pools.allocations(pool.id());
    model.addAttribute("pool", pool);
    model.addAttribute("allocations", allocations);
    model.addAttribute("waitingFor", pool.status() == BonusPoolStatus.WAITING_FOR_REVIEWS ? pools.waitingFor(pool.id()) : List.of());
    model.addAttribute("maxLeadMovePercent", maxPercent.stripTrailingZeros().toPlainString());
    model.addAttribute("maxLeadMove", pool.amount().multiply(maxPercent).movePointLeft(2).setScale(2, RoundingMode.DOWN));
    model.addAttribute("shareTotal", allocations.stream().map(BonusPools.Allocation::share).reduce(BigDecimal.ZERO, BigDecimal::add));
    model.addAttribute("adjustedTotal", allocations.stream().map(BonusPools.Allocation::adjustedShare).reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  private void requireHr(Authentication auth) {
    if (!access.isHr(auth.getName())) {
      throw new NotPermittedException(io.perfflow.Msg.of("bonus.error.hrLists"));
    }
  }
}
