package vn.gov.sonla.tdkt;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;

/**
 * The architecture's rules (docs/architecture.md), checked on the compiled main classes. Rules the code already meets
 * are strict; rules it does not yet meet everywhere are frozen: the violations of the day the rule came in are kept in
 * {@code src/test/resources/archunit_store}, any new one fails the build, and each one resolved leaves the store.
 */
@AnalyzeClasses(packages = "vn.gov.sonla.tdkt", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /**
   * The packages under {@code vn.gov.sonla.tdkt}, bottom to top (docs/architecture.md, "Packages and layers"): a
   * package may use packages of its own layer and of the layers below, never one above. Within a layer the cycle rule
   * keeps the order. A new package fails {@link #everyPackageHasALayer} until it is given a layer here.
   */
  static final String[][] LAYERS = {
      {"Kernel", "kernel"},
      {"Engine", "dmn", "engine", "db"},
      {"Platform", "identity", "calendar", "signing", "pdf"},
      {"Notification", "notification"},
      {"Audit", "audit"},
      {"Award", "award"},
      {"Dossier", "dossier"},
      {"Appraisal", "appraisal"},
      {"Notice", "notice"},
      {"Council", "council"},
      {"Decision", "decision"},
      {"Programmes", "plan", "movement", "bloc", "legal"},
      {"ReadSide", "trail", "report", "observability"},
      {"Shell", "workspace", "openapi"},
  };

  /** Every package above the kernel. */
  private static final String[] FEATURES = Arrays.stream(LAYERS).skip(1).flatMap(ArchitectureTest::packages)
      .toArray(String[]::new);

  /** No package depends, even through others, on a package that depends on it (strict since issue 19). */
  @ArchTest
  static final ArchRule packagesFormNoCycle = slices().matching("vn.gov.sonla.tdkt.(*)..").should().beFreeOfCycles();

  /** Each layer is used only by the layers above it: a new upward dependency fails the build. */
  @ArchTest
  static final ArchRule packagesDependDownward = layers();

  /** Every package but the application class's own belongs to a layer. */
  @ArchTest
  static final ArchRule everyPackageHasALayer = classes().that().resideInAPackage("vn.gov.sonla.tdkt.*..")
      .should().resideInAnyPackage(Arrays.stream(LAYERS).flatMap(ArchitectureTest::packages).toArray(String[]::new));

  private static java.util.stream.Stream<String> packages(String[] layer) {
    return Arrays.stream(layer).skip(1).map(name -> "vn.gov.sonla.tdkt." + name + "..");
  }

  static ArchRule layers() {
    Architectures.LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (String[] layer : LAYERS) {
      rule = rule.layer(layer[0]).definedBy(packages(layer).toArray(String[]::new));
    }
    for (int i = 0; i < LAYERS.length - 1; i++) {
      String[] above = Arrays.stream(LAYERS, i + 1, LAYERS.length).map(layer -> layer[0]).toArray(String[]::new);
      rule = rule.whereLayer(LAYERS[i][0]).mayOnlyBeAccessedByLayers(above);
    }
    return rule.whereLayer(LAYERS[LAYERS.length - 1][0]).mayNotBeAccessedByAnyLayer();
  }

  /** Engine internals only in the engine adapter, so that an engine move stays mechanical. */
  @ArchTest
  static final ArchRule engineInternalsOnlyInTheAdapter = FreezingArchRule.freeze(
      noClasses().that().resideOutsideOfPackage("vn.gov.sonla.tdkt.engine..")
          .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl.."));

  /** feel-scala only through its public API (the FEEL cache; docs/adr/0004). */
  @ArchTest
  static final ArchRule noFeelInternals = noClasses().should().dependOnClassesThat()
      .resideInAPackage("org.camunda.feel.impl..");

  /** The shared kernel is at the bottom: it knows no feature. */
  @ArchTest
  static final ArchRule kernelKnowsNoFeature = noClasses().that().resideInAPackage("vn.gov.sonla.tdkt.kernel..")
      .should().dependOnClassesThat().resideInAnyPackage(FEATURES);

  /**
   * Time comes from the application's {@link Clock} bean (engine.EngineClock, the engine's time), never from the
   * system clock: what a feature stamps and compares must agree with the engine's timers, which tests move.
   */
  @ArchTest
  static final ArchRule timeFromTheApplicationsClock = FreezingArchRule.freeze(
      noClasses().that().resideOutsideOfPackage("vn.gov.sonla.tdkt.engine..")
          .should().callMethod(LocalDate.class, "now").orShould().callMethod(LocalDate.class, "now", ZoneId.class)
          .orShould().callMethod(LocalDateTime.class, "now")
          .orShould().callMethod(LocalDateTime.class, "now", ZoneId.class)
          .orShould().callMethod(LocalTime.class, "now")
          .orShould().callMethod(OffsetDateTime.class, "now")
          .orShould().callMethod(OffsetDateTime.class, "now", ZoneId.class)
          .orShould().callMethod(ZonedDateTime.class, "now")
          .orShould().callMethod(ZonedDateTime.class, "now", ZoneId.class)
          .orShould().callMethod(Instant.class, "now")
          .orShould().callMethod(Year.class, "now")
          .orShould().callMethod(System.class, "currentTimeMillis")
          .orShould().callConstructor(Date.class)
          .orShould().callMethod(Clock.class, "systemUTC")
          .orShould().callMethod(Clock.class, "systemDefaultZone"));
}
