package io.perfflow.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits every request before anything reads it:
 *
 * <ul>
 *   <li>request bodies: at most {@value #IMPORT_LIMIT} bytes for {@code POST /api/metrics/import}, {@code POST /api/source/attendance} and {@code POST /api/employees/import}
 *       (and the HR pages' uploads {@code POST /people/import}, {@code /imports/metrics}; {@code /imports/source} as the source tables, 1 GiB;
 *       plus {@value #MULTIPART_OVERHEAD} bytes of multipart framing; a multipart body must declare its length),
 *       {@value #SOURCE_LIMIT} for the other (streamed) {@code POST /api/source/{table}},
 *       {@value #DEFAULT_LIMIT} bytes for anything else; beyond that 413 (checked on the declared
 *       length, and while reading for bodies sent without one);
 *   <li>no NUL character in any query or form parameter (PostgreSQL cannot store it): 400 naming
 *       the parameter. JSON bodies are checked by {@link NoNulStrings}, import files row by row.
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class InputLimitsFilter extends OncePerRequestFilter {
  public static final long DEFAULT_LIMIT = 64 * 1024;
  public static final long IMPORT_LIMIT = 2 * 1024 * 1024;
  /**
   * {@code POST /api/source/{table}} (not attendance) streams its body into the database, so its
   * limit bounds the request's duration, not the memory: 1 GiB (a million rows take 30-150 MB).
   */
  public static final long SOURCE_LIMIT = 1024L * 1024 * 1024;

  /** Room for a multipart body's boundaries, part headers and the CSRF token around an uploaded file. */
  static final long MULTIPART_OVERHEAD = 16 * 1024;

  /** Thrown while reading a body that turns out longer than its limit. */
  public static final class BodyTooLargeException extends IOException {
    private final long limit;

    public BodyTooLargeException(long limit) {
      super(io.perfflow.Msg.of("errors.body.tooLarge", limit).english());
      this.limit = limit;
    }

    /** In the language of the request being answered. */
    @Override
    public String getLocalizedMessage() {
      return io.perfflow.Msg.of("errors.body.tooLarge", limit).current();
    }
  }

  static long limitOf(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals("/api/metrics/import") || path.equals("/api/source/attendance") || path.equals("/api/employees/import")) {
      return IMPORT_LIMIT;
    }
    // The HR pages' file uploads (multipart: the file plus a few form fields).
    if ("POST".equals(request.getMethod()) && (path.equals("/people/import") || path.equals("/imports/metrics"))) {
      return IMPORT_LIMIT + MULTIPART_OVERHEAD;
    }
    if ("POST".equals(request.getMethod()) && path.equals("/imports/source")) {
      return SOURCE_LIMIT + MULTIPART_OVERHEAD;
    }
    return path.startsWith("/api/source/") && "POST".equals(request.getMethod()) ? SOURCE_LIMIT : DEFAULT_LIMIT;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = limitOf(request);
    if (request.getContentLengthLong() > limit) {
      problem(response, 413, "Request too large",
          "The request body has " + request.getContentLengthLong() + " bytes; at most " + limit + " are accepted here", "body");
      return;
    }
    // A multipart body is parsed by the container when its parameters are read (below, and by the CSRF
    // check), past this filter's counting: it must declare its length, which the check above bounds.
    if (request.getContentLengthLong() < 0 && String.valueOf(request.getContentType()).toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
      problem(response, 411, "Length required", "A multipart request must declare its Content-Length", "body");
      return;
    }
    HttpServletRequest limited = new LimitedRequest(request, limit);
    for (Map.Entry<String, String[]> p : limited.getParameterMap().entrySet()) {
      boolean nul = p.getKey().indexOf('\0') >= 0;
      for (String v : p.getValue()) {
        nul |= v != null && v.indexOf('\0') >= 0;
      }
      if (nul) {
        String field = p.getKey().replace("\0", "\\0");
        problem(response, 400, "Invalid input", "'" + field + "' contains a NUL character", field);
        return;
      }
    }
    chain.doFilter(limited, response);
  }

  private static void problem(HttpServletResponse response, int status, String title, String detail, String field) throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    String json = "{\"type\":\"about:blank\",\"title\":\"" + escape(title) + "\",\"status\":" + status + ",\"detail\":\"" + escape(detail)
        + "\",\"errors\":[{\"field\":\"" + escape(field) + "\",\"message\":\"" + escape(detail) + "\"}]}";
    response.getWriter().write(json);
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** Counts what is read and fails the read past the limit. */
  static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream = new ServletInputStream() {
          long read;

          @Override
          public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && ++read > limit) {
              throw new BodyTooLargeException(limit);
            }
            return b;
          }

          @Override
          public int read(byte[] buffer, int off, int len) throws IOException {
            int n = in.read(buffer, off, len);
            if (n > 0 && (read += n) > limit) {
              throw new BodyTooLargeException(limit);
            }
            return n;
          }

          @Override
          public boolean isFinished() {
            return in.isFinished();
          }

          @Override
          public boolean isReady() {
            return in.isReady();
          }

          @Override
          public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
          }
        };
      }
      return stream;
    }
  }
}
