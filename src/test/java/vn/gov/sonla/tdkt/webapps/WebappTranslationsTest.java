package vn.gov.sonla.tdkt.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Camunda webapps speak Vietnamese (issue 17, docs/webapps.md): our {@code vi.json} of each app against the
 * webjar's {@code en.json} and against the keys the webjar's own templates and scripts ask for. Plain JUnit, no
 * Spring: both files are on the test class path (ours from {@code src/main/resources}, Camunda's from the webjar).
 */
class WebappTranslationsTest {

  private static final String APPS = "META-INF/resources/webjars/camunda/app/";

  /**
   * Values that stay as in English because they are technical tokens or names a Vietnamese user reads as such.
   * Checked after placeholders, HTML tags and punctuation are removed (see {@link #mayEqualEnglish}).
   */
  static final Set<String> TECHNICAL_TOKENS = Set.of(
      "BPMN", "DMN", "CMMN", "ID", "IDs", "JSON", "XML", "URL", "URI", "HTML", "CSV", "API", "REST", "FEEL", "JUEL",
      "E-Mail", "e-mail", "Email", "email", "Java", "Camunda", "LDAP", "UUID", "PI", "DI", "FNI", "EDE", "TU", "RPI",
      "null", "true", "false", "AND", "OR");

  /** Keys whose value is a date format pattern or a number, not text (moment.js locale data). */
  static final Set<String> FORMAT_KEYS = Set.of(
      "dateLocales.calendar.sameElse", "dateLocales.longDateFormat.L", "dateLocales.longDateFormat.LT",
      "dateLocales.week.dow", "dateLocales.week.doy",
      // the input format the engine requires for a removal time, shown as the field's placeholder
      "labels.PLGN_BTCH_SET_REMOVAL_TIME_ABSOLUTE_PLACEHOLDER");

  /** Banners the province does not show (hidden by tdkt/branding.css too): deliberately blank. */
  static final Set<String> BLANK_ON_PURPOSE = Set.of("labels.BANNER_CE_EOL_TEXT", "labels.FIRST_LOGIN_INFO");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}|%[sd]");
  private static final Pattern TAG = Pattern.compile(
      "</?(a|b|br|code|em|i|li|p|pre|small|span|strong|u|ul|ol|div|h[1-6])\\b[^>]*>", Pattern.CASE_INSENSITIVE);

  /** How the webjar's templates and scripts (minified) name a translation key. */
  private static final List<Pattern> KEY_USES = List.of(
      Pattern.compile("translate=\\\\?[\"']([A-Z][A-Z0-9_]+)\\\\?[\"']"),
      Pattern.compile("\\\\?[\"']([A-Z][A-Z0-9_]+)\\\\?[\"']\\s*\\|\\s*translate\\b"),
      Pattern.compile("\\.instant\\(\\s*[\"']([A-Z][A-Z0-9_]+)[\"']"),
      Pattern.compile("\\$translate\\(\\s*[\"']([A-Z][A-Z0-9_]+)[\"']"),
      // search widget configurations (JSON in the bundle), translated with $translate.instant at run time
      Pattern.compile("\\\\?\"(?:value|inputPlaceholder|invalid|deleteSearch|type|name|operator|label|title|tooltip)"
          + "\\\\?\"\\s*:\\s*\\\\?\"([A-Z][A-Z0-9_]+)\\\\?\""),
      Pattern.compile("\\b(?:value|inputPlaceholder|invalid|deleteSearch|type|name|operator|label|title|tooltip)"
          + "\\s*:\\s*\"([A-Z][A-Z0-9_]+)\""));

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyEnglishKeyHasAVietnameseValue(String app) throws IOException {
    Map<String, String> en = flat(read(APPS + app + "/locales/en.json"));
    Map<String, String> vi = flat(read(APPS + app + "/locales/vi.json"));

    List<String> missing = en.keySet().stream().filter(k -> !vi.containsKey(k)).toList();
    assertThat(missing).as("keys of %s/en.json missing in vi.json", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void noValueIsLeftInEnglish(String app) throws IOException {
    Map<String, String> en = flat(read(APPS + app + "/locales/en.json"));
    Map<String, String> vi = flat(read(APPS + app + "/locales/vi.json"));

    List<String> english = new ArrayList<>();
    en.forEach((key, value) -> {
      if (value.equals(vi.get(key)) && !FORMAT_KEYS.contains(key) && !mayEqualEnglish(value)) {
        english.add(key + " = " + value);
      }
    });
    assertThat(english).as("values of %s/vi.json still in English (%d)", app, english.size()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void placeholdersAndTagsAreKept(String app) throws IOException {
    Map<String, String> en = flat(read(APPS + app + "/locales/en.json"));
    Map<String, String> vi = flat(read(APPS + app + "/locales/vi.json"));

    List<String> broken = new ArrayList<>();
    en.forEach((key, value) -> {
      String translated = vi.get(key);
      if (translated == null || BLANK_ON_PURPOSE.contains(key) && translated.isEmpty()) {
        return;
      }
      if (!placeholders(value).equals(placeholders(translated)) || !tags(value).equals(tags(translated))) {
        broken.add(key + ": " + value + " → " + translated);
      }
    });
    assertThat(broken).as("placeholders or HTML tags changed in %s/vi.json", app).isEmpty();
  }

  /** Catches raw keys on screen (e.g. CREATION_DATE, SEARCH_PLACEHOLDER): a key the app asks for that we lack. */
  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyKeyTheWebappUsesIsTranslated(String app) throws IOException {
    String bundle = text(APPS + app + "/camunda-" + app + "-bootstrap.js");
    if (!app.equals("welcome")) {
      // the app's own plugins (Cockpit's tabs and actions, Admin's and Tasklist's plugins) come from another bundle
      bundle += text("META-INF/resources/plugin/" + app + "/app/plugin.js");
    }
    JsonNode labels = read(APPS + app + "/locales/vi.json").path("labels");

    Set<String> used = usedKeys(bundle);
    assertThat(used).as("keys found in the %s bundle (the extraction works)", app).hasSizeGreaterThan(100);
    Set<String> untranslated = new TreeSet<>();
    for (String key : used) {
      if (!labels.path(key).isTextual()) {
        untranslated.add(key);
      }
    }
    assertThat(untranslated).as("keys used by %s but missing in its vi.json", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void datesReadAsInVietnam(String app) throws IOException {
    JsonNode formats = read(APPS + app + "/locales/vi.json").path("dateLocales").path("longDateFormat");
    assertThat(formats.path("L").asText()).isEqualTo("DD/MM/YYYY");
    assertThat(formats.path("LT").asText()).isEqualTo("HH:mm");
    // config.js dateFormat.normal/long/short use LLL/LLLL/LL unless overridden: day before month, 24-hour clock
    assertThat(formats.path("LLL").asText()).isEqualTo("DD/MM/YYYY HH:mm");
    assertThat(formats.path("LL").asText()).isEqualTo("DD/MM/YYYY");
    String config = text0("src/main/resources/" + APPS + app + "/scripts/config.js");
    assertThat(config).contains("normal: 'DD/MM/YYYY HH:mm'");
  }

  static Set<String> usedKeys(String bundle) {
    Set<String> used = new TreeSet<>();
    for (Pattern pattern : KEY_USES) {
      Matcher m = pattern.matcher(bundle);
      while (m.find()) {
        used.add(m.group(1));
      }
    }
    return used;
  }

  /** A value may stay English when nothing but technical tokens, placeholders, tags and punctuation is left. */
  static boolean mayEqualEnglish(String value) {
    String rest = PLACEHOLDER.matcher(value).replaceAll(" ");
    rest = TAG.matcher(rest).replaceAll(" ");
    for (String word : rest.split("[^\\p{L}\\p{N}-]+")) {
      if (!word.isEmpty() && word.chars().anyMatch(Character::isLetter) && !TECHNICAL_TOKENS.contains(word)) {
        return false;
      }
    }
    return true;
  }

  private static List<String> placeholders(String value) {
    List<String> found = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(value);
    while (m.find()) {
      found.add(m.group(1) == null ? m.group() : m.group(1).replace(" ", ""));
    }
    Collections.sort(found);
    return found;
  }

  private static List<String> tags(String value) {
    List<String> found = new ArrayList<>();
    Matcher m = TAG.matcher(value);
    while (m.find()) {
      found.add(m.group(1).toLowerCase());
    }
    Collections.sort(found);
    return found;
  }

  private JsonNode read(String resource) throws IOException {
    return json.readTree(text(resource));
  }

  private static String text(String resource) throws IOException {
    try (InputStream in = WebappTranslationsTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
  }

  private static String text0(String file) throws IOException {
    return java.nio.file.Files.readString(java.nio.file.Path.of(file), StandardCharsets.UTF_8);
  }

  private static Map<String, String> flat(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    flat("", node, out);
    return out;
  }

  private static void flat(String prefix, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> flat(prefix + e.getKey() + ".", e.getValue(), out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flat(prefix + i + ".", node.get(i), out);
      }
    } else {
      out.put(prefix.substring(0, prefix.length() - 1), node.asText());
    }
  }
}
