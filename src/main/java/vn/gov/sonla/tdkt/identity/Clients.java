package vn.gov.sonla.tdkt.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/** Tells a browser from an API client, to answer each the way it understands. */
public final class Clients {

  private Clients() {}

  /**
   * A browser loading a page (not a script's request): {@code Sec-Fetch-Mode: navigate}, or, for browsers
   * that send no fetch metadata, a GET that accepts HTML.
   */
  public static boolean isPageNavigation(HttpServletRequest request) {
    String mode = request.getHeader("Sec-Fetch-Mode");
    if (mode != null) {
      return mode.equals("navigate");
    }
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return "GET".equals(request.getMethod()) && accept != null && accept.contains("text/html");
  }

  /** Any request made by a browser: it sends fetch metadata (all current browsers) or asks for HTML. */
  static boolean isBrowser(HttpServletRequest request) {
    return request.getHeader("Sec-Fetch-Mode") != null || request.getHeader("Sec-Fetch-Site") != null
        || "XMLHttpRequest".equals(request.getHeader("X-Requested-With")) || isPageNavigation(request);
  }

  /**
   * An API client's request that authenticates by HTTP Basic and rides on no session cookie: it cannot be forged
   * by another site, so it may skip the CSRF check. Any other Authorization header (Bearer, a bare "Basic"), or a
   * session cookie next to it, does not qualify (issue 15, finding 14).
   */
  static boolean authenticatesByBasicWithoutSession(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
        && authorization.length() > 6 && request.getRequestedSessionId() == null;
  }

  /** The request carries its own credentials (HTTP Basic): an API client, not a cookie session. */
  static boolean hasCredentials(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    return authorization != null && !authorization.isBlank();
  }
}
