package vn.gov.sonla.tdkt.workspace;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sonla.tdkt.identity.CurrentUser;
import vn.gov.sonla.tdkt.identity.CurrentUserProvider;

/**
 * {@code GET /} (and {@code /home}): sends the signed-in person to their work ({@link Workspace#home}); the login
 * lands here. {@code GET /api/workspace}: the person's home and menu sections, which every page's header shows.
 */
@RestController
public class WorkspaceController {

  public record View(String home, List<Workspace.Section> sections) {}

  private final CurrentUserProvider currentUser;

  public WorkspaceController(CurrentUserProvider currentUser) {
    this.currentUser = currentUser;
  }

  /** Redirects to the signed-in person's home page (a page address, not part of the API). */
  @Hidden
  @GetMapping({"/", "/home"})
  public ResponseEntity<Void> home() {
    return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, Workspace.home(currentUser.get()))
        .cacheControl(CacheControl.noStore()).build();
  }

  /**
   * The signed-in person's home page and the sections of the menu their groups may open, in menu order.
   *
   * @return the home address and the sections (id, Vietnamese label, address)
   */
  @GetMapping("/api/workspace")
  public ResponseEntity<View> workspace() {
    CurrentUser user = currentUser.get();
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .body(new View(Workspace.home(user), Workspace.sections(user)));
  }
}
