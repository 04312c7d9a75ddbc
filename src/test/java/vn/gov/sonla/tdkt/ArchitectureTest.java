package vn.gov.sonla.tdkt;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

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
      {"ReadSide", "trail", "report", "observability", "unittask"},
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

  /** At most this many main source files use engine internals (issue 19: an engine move touches few files). */
  static final int MAX_FILES_WITH_ENGINE_INTERNALS = 6;

  /**
   * Few files import {@code org.camunda.bpm.engine.impl}: the adapter's facade ({@code EngineInternals}) and its engine
   * plugins. A file counts once whatever its nested, inner and anonymous classes use.
   */
  @ArchTest
  static void engineInternalsInFewFiles(JavaClasses classes) {
    Set<String> files = filesUsingEngineInternals(classes);
    assertThat(files).as("main files using org.camunda.bpm.engine.impl: %s", files)
        .isNotEmpty().hasSizeLessThanOrEqualTo(MAX_FILES_WITH_ENGINE_INTERNALS);
  }

  static Set<String> filesUsingEngineInternals(JavaClasses classes) {
    return classes.stream()
        .filter(c -> c.getDirectDependenciesFromSelf().stream()
            .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("org.camunda.bpm.engine.impl")))
        .map(ArchitectureTest::file)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The source file of a class (its top-level class's name when the class file names none). */
  private static String file(JavaClass type) {
    String topLevel = type.getName().contains("$") ? type.getName().substring(0, type.getName().indexOf('$'))
        : type.getName();
    return type.getSource().flatMap(s -> s.getFileName())
        .map(name -> type.getPackageName() + "." + name).orElse(topLevel + ".java");
  }

  /** feel-scala only through its public API (the FEEL cache; docs/adr/0004). */
  @ArchTest
  static final ArchRule noFeelInternals = noClasses().should().dependOnClassesThat()
      .resideInAPackage("org.camunda.feel.impl..");

  /**
   * feel-scala's public API and what its signatures expose, nothing else: {@code api} (FeelEngineBuilder, FeelEngineApi,
   * ParseResult, EvaluationResult), {@code context} (the evaluation's Context, CustomContext, VariableProvider),
   * {@code syntaxtree} (ParsedExpression, returned by ParseResult), {@code valuemapper} (CustomValueMapper, taken by
   * the builder), {@code FeelEngine.Failure} (the failure of a ParseResult or EvaluationResult), and the name of the
   * unary tests' input variable ({@code FeelEngine.UnaryTests.inputVariable}).
   */
  @ArchTest
  static final ArchRule feelOnlyThroughItsApi = noClasses().should().dependOnClassesThat(
      JavaClass.Predicates.resideInAPackage("org.camunda.feel..")
          .and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage("org.camunda.feel.api..",
              "org.camunda.feel.context..", "org.camunda.feel.syntaxtree..", "org.camunda.feel.valuemapper..")))
          .and(DescribedPredicate.not(HasName.Predicates.name("org.camunda.feel.FeelEngine$UnaryTests$")))
          .and(DescribedPredicate.not(HasName.Predicates.name("org.camunda.feel.FeelEngine$Failure"))));

  /** The shared kernel is at the bottom: it knows no feature. */
  /**
   * Who may call an operation is declared on it ({@code @PreAuthorize} with the feature's access bean), not checked
   * inside the controller's body: a controller never refuses by throwing the 403 problem itself.
   */
  @ArchTest
  static final ArchRule controllersDeclareAccess = noClasses().that()
      .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
      .or().areAnnotatedWith(org.springframework.stereotype.Controller.class)
      .should().dependOnClassesThat().areAssignableTo(vn.gov.sonla.tdkt.identity.ForbiddenException.class)
      .because("access rules are declared with @PreAuthorize and one access bean per feature (issue 19)");

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
