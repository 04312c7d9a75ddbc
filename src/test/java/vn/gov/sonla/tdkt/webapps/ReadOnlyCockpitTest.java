package vn.gov.sonla.tdkt.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The auditor's Cockpit offers no action the auditor cannot take (issue 17, docs/webapps.md): tdkt/webapp.js marks
 * read-only people and excludes Cockpit's action plugins, tdkt/branding.css hides the controls that change the
 * engine. This test keeps both in step with the Camunda version on the class path: every selector and plugin id
 * still names something Cockpit draws, and the known engine-changing controls are all covered.
 */
class ReadOnlyCockpitTest {

  private static final String APP = "META-INF/resources/webjars/camunda/app/";

  @Test
  void everyHiddenControlStillExistsInCockpit() throws IOException {
    String css = text(APP + "tdkt/branding.css");
    String cockpit = text(APP + "cockpit/camunda-cockpit-bootstrap.js") + text("META-INF/resources/plugin/cockpit/app/plugin.js");

    List<String> handlers = find(css, "\\.tdkt-read-only \\[ng-click\\^=\"([^\"]+)\"]");
    assertThat(handlers).hasSizeGreaterThan(15);
    List<String> stale = handlers.stream().filter(h -> !cockpit.contains("ng-click=\\\"" + h)
        && !cockpit.contains("ng-click=\"" + h)).toList();
    assertThat(stale).as("selectors in branding.css that match no Cockpit control").isEmpty();
  }

  @Test
  void engineChangingControlsAreHidden() throws IOException {
    String css = text(APP + "tdkt/branding.css");
    for (String handler : List.of("cancelProcessInstance", "updateSuspensionState", "deleteVariable",
        "enableEditMode", "openJobRetryDialog", "deleteDeployment", "changeUserIdentityLinks", "toggleSuspension",
        "ctrl.retryAll", "openBatchOperation")) {
      assertThat(css).contains(".tdkt-read-only [ng-click^=\"" + handler);
    }
    assertThat(css).contains(".tdkt-read-only .ctn-toolbar > span");
  }

  @Test
  void excludedPluginPointsExist() throws IOException {
    String script = text(APP + "tdkt/webapp.js");
    String plugins = text("META-INF/resources/plugin/cockpit/app/plugin.js")
        + text(APP + "cockpit/camunda-cockpit-bootstrap.js");

    List<String> excluded = find(script, "'(cockpit\\.[a-zA-Z.]+(?::[a-z-]+)?)'");
    assertThat(excluded).contains("cockpit.processInstance.runtime.action", "cockpit.incident.action");
    for (String entry : excluded) {
      String[] point = entry.split(":");
      String pattern = point.length == 1 ? "\"" + point[0] + "\"" : "\"" + point[0] + "\",{id:\"" + point[1] + "\"";
      assertThat(plugins).as("Cockpit registers %s", entry).contains(pattern);
    }
    // only Cockpit asks, and people who may open Admin (camunda-admin) keep the actions
    assertThat(script).contains("APP === 'cockpit'").contains("authorizedApps.indexOf('admin')");
  }

  private static List<String> find(String text, String regex) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private static String text(String resource) throws IOException {
    try (InputStream in = ReadOnlyCockpitTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
