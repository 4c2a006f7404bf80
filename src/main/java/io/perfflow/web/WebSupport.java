package io.perfflow.web;

import io.perfflow.NotFoundException;
import io.perfflow.config.SecurityConfiguration;
import io.perfflow.org.Organisation;
import io.perfflow.engine.EngineConnection;
import io.perfflow.mail.Mailbox;
import io.perfflow.tasks.TaskForbiddenException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every UI page needs (who is logged in, whether they are HR, whether the mailbox exists,
 * the Camunda-down banner) and the error pages for the UI's controllers: every
 * {@link PageController}, in the shell or in a process family's package.
 */
@ControllerAdvice(annotations = PageController.class)
@Component
public class WebSupport {
  private final Organisation organisation;
  private final ObjectProvider<Mailbox> mailbox;
  private final ObjectProvider<EngineConnection> engine;
  private final java.util.List<NavLink> nav;

  public WebSupport(Organisation organisation, ObjectProvider<Mailbox> mailbox, ObjectProvider<EngineConnection> engine,
      java.util.List<NavLink> nav) {
    this.nav = nav.stream().sorted(java.util.Comparator.comparingInt(NavLink::position)).toList();
    this.organisation = organisation;
    this.mailbox = mailbox;
    this.engine = engine;
  }

  public static boolean isHr(Authentication auth) {
    return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(SecurityConfiguration.HR));
  }

  @ModelAttribute
  void common(Model model) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    boolean loggedIn = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    model.addAttribute("loggedIn", loggedIn);
    if (loggedIn) {
      model.addAttribute("userId", auth.getName());
      model.addAttribute("userName", organisation.find(auth.getName()).map(e -> e.name()).orElse(auth.getName()));
      model.addAttribute("isHr", isHr(auth));
    }
    model.addAttribute("nav", nav.stream().filter(l -> l.group() == null || (loggedIn && (isHr(auth) || auth.getAuthorities().stream()
        .anyMatch(a -> a.getAuthority().equals("GROUP_" + l.group()))))).toList());
    model.addAttribute("languages", io.perfflow.i18n.Languages.TAGS);
    model.addAttribute("currentPath", currentPath());
    // The mailbox holds everyone's mail (results included): HR only, like /api/dev/**.
    model.addAttribute("mailboxAvailable", mailbox.getIfAvailable() != null && loggedIn && isHr(auth));
    EngineConnection connection = engine.getIfAvailable();
    if (connection != null) {
      connection.down().ifPresent(down -> model.addAttribute("clusterDown", down));
    }
  }

  /** The path and query of this request, for the language switch to come back to. */
  private static String currentPath() {
    if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
        instanceof org.springframework.web.context.request.ServletRequestAttributes attributes) {
      var request = attributes.getRequest();
      Object forwarded = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
      String path = forwarded != null ? forwarded.toString() : request.getRequestURI();
      String query = forwarded != null ? null : request.getQueryString();
      return query == null || !"GET".equals(request.getMethod()) ? path : path + "?" + query;
    }
    return "/";
  }

  @ExceptionHandler(NotFoundException.class)
  String notFound(NotFoundException e, Model model, HttpServletResponse response) {
    common(model);
    response.setStatus(404);
    return message(model, "web.notFound", e.getMessage());
  }

  @ExceptionHandler({TaskForbiddenException.class, io.perfflow.NotPermittedException.class})
  String forbidden(RuntimeException e, Model model, HttpServletResponse response) {
    common(model);
    response.setStatus(403);
    return message(model, "web.notAllowed", e.getMessage());
  }

  public static String message(Model model, String title, String text) {
    model.addAttribute("title", title);
    model.addAttribute("message", text);
    return "message";
  }
}
