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
 *   <li>request bodies: at most {@value #IMPORT_LIMIT} bytes for {@code POST /api/metrics/import}, {@code POST /api/source/attendance} and {@code POST /api/employees/import},
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

  /** Thrown while reading a body that turns out longer than its limit. */
  public static final class BodyTooLargeException extends IOException {
    public BodyTooLargeException(long limit) {
      super("The request body is larger than " + limit + " bytes");
    }
  }

  static long limitOf(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals("/api/metrics/import") || path.equals("/api/source/attendance") || path.equals("/api/employees/import")) {
      return IMPORT_LIMIT;
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
