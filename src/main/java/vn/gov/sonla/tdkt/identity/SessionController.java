package vn.gov.sonla.tdkt.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sonla.tdkt.engine.EngineAuthentication;

/**
 * The signed-in user, for the project's pages: name and groups for the header, and the CSRF token that
 * every changing request of the session must carry (header {@code X-CSRF-TOKEN}).
 */
@RestController
public class SessionController {

  public record Csrf(String headerName, String parameterName, String token) {}

  public record Session(String user, String displayName, List<String> groups, Csrf csrf) {}

  private final CurrentUserProvider currentUser;
  private final IdentityService identity;
  private final EngineAuthentication engine;

  public SessionController(CurrentUserProvider currentUser, IdentityService identity, EngineAuthentication engine) {
    this.currentUser = currentUser;
    this.identity = identity;
    this.engine = engine;
  }

  /**
   * The signed-in user for the project's pages: id, full name, groups, and the CSRF token that every changing session
   * request carries.
   */
  @GetMapping("/api/session")
  public Session session(CsrfToken csrf) {
    CurrentUser user = currentUser.get();
    User profile = engine.asSystem(() -> identity.createUserQuery().userId(user.id()).singleResult());
    String name = PersonName.of(profile);
    return new Session(user.id(), name == null ? user.id() : name, user.groups().stream().sorted().toList(),
        csrf == null ? null : new Csrf(csrf.getHeaderName(), csrf.getParameterName(), csrf.getToken()));
  }
}
