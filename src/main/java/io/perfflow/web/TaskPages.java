package io.perfflow.web;

import io.perfflow.InvalidInputException;
import io.perfflow.tasks.Forms;
import io.perfflow.tasks.TaskConflictException;
import io.perfflow.tasks.TaskForbiddenException;
import io.perfflow.tasks.TaskInbox;
import io.perfflow.tasks.UserTask;
import io.perfflow.tasks.UserTaskGoneException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inbox ("My tasks") and the task page, which renders the task's linked Camunda form. */
@PageController
public class TaskPages {
  private static final Logger LOG = LoggerFactory.getLogger(TaskPages.class);

  private final TaskInbox inbox;
  private final Forms forms;
  private final FormRenderer renderer;
  private final List<TaskSubjectView> views;

  private final org.springframework.context.MessageSource messages;

  public TaskPages(TaskInbox inbox, Forms forms, FormRenderer renderer, List<TaskSubjectView> views,
      org.springframework.context.MessageSource messages) {
    this.messages = messages;
    this.inbox = inbox;
    this.forms = forms;
    this.renderer = renderer;
    this.views = List.copyOf(views);
  }

  /** One inbox line: the task and what its subject's view shows of it (if any). */
  public record TaskRow(UserTask task, TaskSubjectView.InboxSubject subject) {}

  @GetMapping("/")
  String inbox(Authentication auth, Model model) {
    List<TaskRow> rows = inbox.inboxOf(auth.getName()).stream()
        .map(t -> new TaskRow(t, inboxRow(t)))
        .toList();
    model.addAttribute("rows", rows);
    return "inbox";
  }

  /** Mails link to /tasks: that is the inbox. */
  @GetMapping("/tasks")
  String tasks() {
    return "redirect:/";
  }

  @GetMapping("/tasks/{key}")
  String task(@PathVariable long key, Authentication auth, Model model) {
    UserTask task = inbox.get(key);
    var refusal = inbox.refusalFor(task, auth.getName());
    boolean completedByMe = !task.isOpen() && auth.getName().equals(task.completedBy());
    if (refusal.isPresent() && !completedByMe) {
      throw new TaskForbiddenException(io.perfflow.Msg.of("web.error.notYours", refusal.get()));
    }
    if (!task.isOpen()) {
      String status = task.status().toLowerCase();
      io.perfflow.Localizable statusText = locale -> io.perfflow.i18n.I18nConfiguration.bundles().getMessage("tasks.status." + status, null, status, locale);
      model.addAttribute("notice", (task.completedBy() != null ? io.perfflow.Msg.of("web.task.notOpenBy", statusText, task.completedBy())
          : io.perfflow.Msg.of("web.task.notOpen", statusText)).current());
    }
    return page(task, Map.of(), Map.of(), null, model);
  }

  @PostMapping("/tasks/{key}")
  String complete(
      @PathVariable long key, @RequestParam MultiValueMap<String, String> params, Authentication auth, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    UserTask task = inbox.get(key);
    Map<String, String> entered = new LinkedHashMap<>();
    Map<String, Object> variables = new LinkedHashMap<>();
    if (task.formId() != null) {
      for (Forms.Field f : forms.fields(task.formId())) {
        String value = params.getFirst(f.key());
        if ("checkbox".equals(f.type())) {
          boolean on = value != null && !"false".equals(value);
          entered.put(f.key(), Boolean.toString(on));
          variables.put(f.key(), on);
        } else if ("checklist".equals(f.type())) {
          List<String> chosen = params.getOrDefault(f.key(), List.of()).stream().filter(v -> !v.isBlank()).toList();
          entered.put(f.key(), String.join(",", chosen));
          variables.put(f.key(), chosen);
        } else {
          entered.put(f.key(), value == null ? "" : value);
          variables.put(f.key(), value);
        }
      }
    }
    try {
      inbox.complete(key, auth.getName(), variables);
    } catch (InvalidInputException e) {
      response.setStatus(400);
      Map<String, String> errors = e.errors().stream()
          .collect(Collectors.toMap(InvalidInputException.FieldError::field, InvalidInputException.FieldError::message, (a, b) -> a + "; " + b, LinkedHashMap::new));
      return page(task, entered, errors, io.perfflow.Msg.of(errors.size() == 1 ? "web.task.correctField" : "web.task.correctFields").current(), model);
    } catch (TaskForbiddenException e) {
      response.setStatus(403);
      return WebSupport.message(model, "web.notAllowed", io.perfflow.Msg.of("web.task.mayNotComplete", e.getLocalizedMessage()).current());
    } catch (TaskConflictException | UserTaskGoneException e) {
      response.setStatus(409);
      model.addAttribute("notice", io.perfflow.Msg.of("web.task.noLongerOpen", e.getLocalizedMessage()).current());
      return page(inbox.get(key), entered, Map.of(), null, model);
    } catch (RuntimeException e) {
      // Camunda profile: the cluster did not take the command (ClusterStatus shows the banner).
      LOG.warn("Completing task {} failed", key, e);
      response.setStatus(503);
      return page(task, entered, Map.of(), "The task could not be completed (the workflow engine did not answer: "
          + e.getMessage() + "). Your input is kept, try again.", model);
    }
    redirect.addFlashAttribute("flash", messages.getMessage("web.task.completed", new Object[] {task.name()},
        org.springframework.context.i18n.LocaleContextHolder.getLocale()));
    return "redirect:/";
  }

  private String page(UserTask task, Map<String, String> values, Map<String, String> errors, String error, Model model) {
    model.addAttribute("task", task);
    Map<String, Object> formVariables = subject(task, model);
    if (task.formId() != null) {
      model.addAttribute("formTitle", task.name());
      model.addAttribute("items", renderer.render(forms.schema(task.formId()), values, errors, formVariables));
      // Errors about something that is not a field of the form are shown above it.
      var fieldKeys = forms.fields(task.formId()).stream().map(Forms.Field::key).toList();
      List<String> other = errors.entrySet().stream().filter(e -> !fieldKeys.contains(e.getKey()))
          .map(e -> e.getKey() + ": " + e.getValue()).toList();
      model.addAttribute("otherErrors", other);
    } else {
      model.addAttribute("items", List.of());
      model.addAttribute("otherErrors", List.of());
    }
    model.addAttribute("error", error);
    return "task";
  }

  /** The first contributed view that knows the task's subject adds it to the page. */
  private Map<String, Object> subject(UserTask task, Model model) {
    if (task.subject() != null) {
      for (TaskSubjectView view : views) {
        Map<String, Object> vars = view.addTo(task, model);
        if (vars != null) {
          return vars;
        }
      }
    }
    return Map.of();
  }

  private TaskSubjectView.InboxSubject inboxRow(UserTask task) {
    if (task.subject() != null) {
      for (TaskSubjectView view : views) {
        TaskSubjectView.InboxSubject row = view.inboxRow(task);
        if (row != null) {
          return row;
        }
      }
    }
    return null;
  }
}
