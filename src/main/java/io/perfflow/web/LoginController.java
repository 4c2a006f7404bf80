package io.perfflow.web;

import org.springframework.web.bind.annotation.GetMapping;

/** The form-login page; Spring Security handles the POST to /login and /logout. */
@PageController
public class LoginController {
  @GetMapping("/login")
  String login() {
    return "login";
  }
}
