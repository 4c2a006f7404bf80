package io.perfflow.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * The markdown-ish text of a Camunda form's {@code text} component, rendered to safe HTML:
 * {@code {{var}}} and {@code {{#if var}}…{{/if}}} templating from a map of variables first, then
 * headings ({@code #}, {@code ##}, {@code ###}), {@code **bold**}, {@code *italic*}, hard line
 * breaks (two trailing spaces) and paragraphs. Everything else is escaped text.
 */
public final class MiniMarkdown {
  private static final Pattern IF_BLOCK = Pattern.compile("\\{\\{#if\\s+([\\w.]+)\\s*}}(.*?)\\{\\{/if}}", Pattern.DOTALL);
  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([\\w.]+)\\s*}}");
  private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
  private static final Pattern ITALIC = Pattern.compile("(?<![*\\w])\\*(?!\\s)(.+?)(?<!\\s)\\*(?![*\\w])");

  private MiniMarkdown() {}

  /** The variables a text refers to ({@code {{x}}} or {@code {{#if x}}}). */
  static java.util.Set<String> variables(String text) {
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    Matcher m = Pattern.compile("\\{\\{\\s*(?:#if\\s+)?([\\w.]+)\\s*}}").matcher(text == null ? "" : text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  public static boolean present(Object value) {
    return value != null && !value.toString().isBlank();
  }

  /** Applies the templating; the substituted values are plain text (escaped later). */
  static String template(String text, Map<String, ?> vars) {
    String withIfs = replace(IF_BLOCK, text, m -> present(vars.get(m.group(1))) ? m.group(2) : "");
    return replace(VARIABLE, withIfs, m -> {
      Object v = vars.get(m.group(1));
      return v == null ? "" : v.toString();
    });
  }

  static String toHtml(String text, Map<String, ?> vars) {
    String source = template(text == null ? "" : text, vars).replace("\r\n", "\n");
    StringBuilder html = new StringBuilder();
    StringBuilder paragraph = new StringBuilder();
    for (String line : source.split("\n", -1)) {
      Matcher heading = Pattern.compile("^(#{1,6})\\s+(.*)$").matcher(line);
      if (heading.matches()) {
        flush(paragraph, html);
        // Form headings sit below the page's own h1/h2: shift them down two levels.
        int level = Math.min(6, heading.group(1).length() + 2);
        html.append("<h").append(level).append(">").append(inline(heading.group(2).trim())).append("</h").append(level).append(">");
      } else if (line.isBlank()) {
        flush(paragraph, html);
      } else {
        boolean hardBreak = line.endsWith("  ");
        paragraph.append(inline(line.strip()));
        paragraph.append(hardBreak ? "<br>" : " ");
      }
    }
    flush(paragraph, html);
    return html.toString();
  }

  private static void flush(StringBuilder paragraph, StringBuilder html) {
    String p = paragraph.toString().strip();
    while (p.endsWith("<br>")) {
      p = p.substring(0, p.length() - 4).strip();
    }
    if (!p.isEmpty()) {
      html.append("<p>").append(p).append("</p>");
    }
    paragraph.setLength(0);
  }

  private static String inline(String text) {
    String escaped = HtmlUtils.htmlEscape(text);
    escaped = replace(BOLD, escaped, m -> "<strong>" + m.group(1) + "</strong>");
    return replace(ITALIC, escaped, m -> "<em>" + m.group(1) + "</em>");
  }

  private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> f) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(f.apply(m)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
