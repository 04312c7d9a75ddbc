package vn.gov.sonla.tdkt.dmn;

import camundajar.impl.scala.collection.immutable.List;
import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.jdk.javaapi.CollectionConverters;
import camundajar.impl.scala.runtime.BoxesRunTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelLogger;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.dmn.feel.impl.scala.spin.SpinValueMapperFactory;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValBoolean;
import org.camunda.feel.syntaxtree.ValDate;
import org.camunda.feel.syntaxtree.ValNumber;
import org.camunda.feel.syntaxtree.ValString;
import org.camunda.feel.valuemapper.CustomValueMapper;
import org.camunda.feel.valuemapper.ValueMapper;

/**
 * The DMN engine's FEEL engine, built on feel-scala's public API ({@link FeelEngineApi}) with each expression parsed
 * once. The stock engine ({@code ScalaFeelEngine}) parses every input expression and every rule's input entry again
 * each time it is evaluated (FEEL's parser is a parser combinator); a criteria table with 24 inputs runs about a
 * hundred evaluations. Here the texts (they come from deployed decision tables, so there are few) are parsed once
 * and the parsed expression is evaluated with {@link FeelEngineApi#evaluate}. Everything else is configured as the
 * stock engine configures it (custom functions of the DMN configuration, the Java and Spin value mappers, external
 * functions off), so values, unary tests and failure messages are the stock ones ({@code CachingFeelEngineTest}
 * compares them). Only public types of the Camunda FEEL integration and of feel-scala's {@code api}, {@code context}
 * and {@code valuemapper} packages are used, so the class moves with the engine (Operaton's own engine holds a
 * {@code FeelEngineApi} too).
 *
 * <p>Every evaluation through {@link FeelEngineApi#evaluate} builds feel-scala's root context with all its built-in
 * functions anew (a few hundred function objects, {@code FeelEngine.rootContext}); the public API offers no way to
 * reuse them, and that was a fifth of the pipeline's CPU (docs/adr/0004). So the forms a decision table is mostly
 * made of are answered without the interpreter, with the interpreter's own value mapper and the same result
 * ({@link Shortcut}): an input expression that names a variable holding a string, boolean or number (what FEEL
 * returns for a name: the value mapped to FEEL and back), a string or boolean literal (output entries), and the
 * unary tests {@code "text"}, {@code "a","b"}, {@code not("a","b")}, {@code true}/{@code false} and {@code < n}, {@code <= n}, {@code > n},
 * {@code >= n} against an input of that same type; and the dates of {@code award-eligibility}: the input expression
 * {@code date(name)} of a variable holding an ISO date text ({@code 2025-07-01}) and the unary tests
 * {@code < date("2025-07-01")} (and {@code <=}, {@code >}, {@code >=}) against a date input. Anything else — another type, a missing variable, a null input,
 * any other text — goes through the interpreter as before. {@code CachingFeelEngineTest} compares both against the
 * stock engine.
 */
public class CachingFeelEngine implements FeelEngine {

  /** Texts remembered per kind; beyond this, expressions are parsed each time (correct, only slower). */
  static final int MAX_EXPRESSIONS = 10_000;

  /** The variable under which a unary test finds the name of its input variable (as the stock engine sets it). */
  private static final String INPUT_VARIABLE_NAME = UnaryTests$.MODULE$.inputVariable();

  private final java.util.Map<String, ParseResult> expressions = new ConcurrentHashMap<>();
  private final java.util.Map<String, ParseResult> unaryTests = new ConcurrentHashMap<>();
  private final FeelEngineApi feel;
  private final ValueMapper values;
  private final java.util.Map<String, Shortcut> expressionShortcuts = new ConcurrentHashMap<>();
  private final java.util.Map<String, Shortcut> unaryTestShortcuts = new ConcurrentHashMap<>();
  /** Evaluations answered by a shortcut (for the test: the shortcuts are taken). */
  final AtomicLong shortcuts = new AtomicLong();

  public CachingFeelEngine(java.util.List<FeelCustomFunctionProvider> functionProviders) {
    FeelEngineBuilder builder = FeelEngineBuilder.forJava();
    CustomValueMapper spin = new SpinValueMapperFactory().createInstance();
    if (spin != null) {
      builder = builder.withCustomValueMapper(spin);
    }
    // the custom functions see values through the same mappers as the expressions, as in the stock engine
    builder = builder
        .withFunctionProvider(new CustomFunctionTransformer(functionProviders, builder.valueMapper()))
        .withEnabledExternalFunctions(false);
    this.values = builder.valueMapper(); // the engine's mapper: build() hands this very one to the interpreter
    this.feel = builder.build();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
    Shortcut shortcut = shortcut(expressionShortcuts, expression, false);
    if (shortcut != Shortcut.NONE) {
      Object value = shortcut.expression(this, variables);
      if (value != NO_SHORTCUT) {
        shortcuts.incrementAndGet();
        return (T) value;
      }
    }
    ParseResult parsed = parsed(expressions, expression, false);
    return (T) result(parsed, new Variables(variables));
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
    Shortcut shortcut = shortcut(unaryTestShortcuts, expression, true);
    if (shortcut != Shortcut.NONE) {
      Boolean answer = shortcut.unaryTest(this, new ContextVariableWrapper(variableContext), inputVariable);
      if (answer != null) {
        shortcuts.incrementAndGet();
        return answer;
      }
    }
    ParseResult parsed = parsed(unaryTests, expression, true);
    StaticVariableProvider input = new StaticVariableProvider(new Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable));
    VariableProvider both = new CompositeVariableProvider(
        scalaList(input, new ContextVariableWrapper(variableContext)));
    return BoxesRunTime.unboxToBoolean(result(parsed, new Variables(both)));
  }

  private ParseResult parsed(java.util.Map<String, ParseResult> memo, String text, boolean unary) {
    ParseResult known = memo.get(text);
    if (known != null) {
      return known;
    }
    ParseResult parsed = unary ? feel.parseUnaryTests(text) : feel.parseExpression(text);
    if (parsed.isSuccess() && memo.size() < MAX_EXPRESSIONS) {
      memo.putIfAbsent(text, parsed); // failures are not kept: they are rare and must read as before each time
    }
    return parsed;
  }

  private Object result(ParseResult parsed, CustomContext context) {
    if (parsed.isFailure()) {
      throw failure(parsed.failure().message());
    }
    ParsedExpression expression = parsed.parsedExpression();
    EvaluationResult result = feel.evaluate(expression, context);
    if (result.isFailure()) {
      throw failure(result.failure().message());
    }
    return result.result();
  }

  // ------------------------------------------------------------------ shortcuts

  /** Marks "no shortcut for these values": the interpreter answers. */
  private static final Object NO_SHORTCUT = new Object();

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  /** A string literal without escapes: its value is the text between the quotes. */
  private static final Pattern STRING = Pattern.compile("\"([^\"\\\\]*)\"");
  /** Unary tests: one or more such string literals separated by commas, optionally inside {@code not( … )}. */
  private static final Pattern STRING_IN_LIST = Pattern.compile("\"([^\"\\\\]*)\"");
  private static final Pattern STRINGS = Pattern.compile("(\"[^\"\\\\]*\"\\s*,\\s*)*\"[^\"\\\\]*\"");
  private static final Pattern NEGATED = Pattern.compile("not\\s*\\((.*)\\)");
  private static final Pattern COMPARISON = Pattern.compile("(<=|>=|<|>)\\s*(-?[0-9]+(?:\\.[0-9]+)?)");
  /** {@code date(name)}: FEEL's date of a variable holding an ISO date text. */
  private static final Pattern DATE_OF_NAME = Pattern.compile("date\\(\\s*([A-Za-z][A-Za-z0-9_]*)\\s*\\)");
  /** A comparison with a date literal, {@code < date("2025-07-01")}. */
  private static final Pattern DATE_COMPARISON =
      Pattern.compile("(<=|>=|<|>)\\s*date\\(\\s*\"([1-9][0-9]{3}-[0-9]{2}-[0-9]{2})\"\\s*\\)");
  /** The date texts taken without the interpreter: four-digit years from 1000, as {@link LocalDate#parse} reads. */
  private static final Pattern ISO_DATE = Pattern.compile("[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}");
  /** FEEL's words: never a shortcut as a variable name. */
  private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "not", "and", "or", "in", "between",
      "instance", "of", "if", "then", "else", "for", "return", "some", "every", "satisfies", "function");

  private Shortcut shortcut(java.util.Map<String, Shortcut> memo, String text, boolean unary) {
    Shortcut known = memo.get(text);
    if (known != null) {
      return known;
    }
    Shortcut shortcut = Shortcut.of(text, unary);
    if (memo.size() < MAX_EXPRESSIONS) {
      memo.putIfAbsent(text, shortcut);
    }
    return shortcut;
  }

  /** A variable's value as FEEL sees it (null: no such variable). */
  private Val variable(ContextVariableWrapper variables, String name) {
    camundajar.impl.scala.Option<Object> value = variables.getVariable(name);
    if (value.isEmpty()) {
      return null;
    }
    Object v = value.get();
    return v instanceof Val val ? val : values.toVal(v);
  }

  /**
   * A text FEEL would answer the same way without the interpreter, given values of the expected type.
   *
   * @param kind NAME, STRING, BOOLEAN (expressions and unary tests), COMPARISON (unary tests), NONE
   * @param text the variable's name, the string, "true"/"false", or the number
   * @param operator of a comparison
   */
  record Shortcut(String kind, String text, String operator) {
    static final Shortcut NONE = new Shortcut("NONE", null, null);

    static Shortcut of(String expression, boolean unary) {
      if (expression == null) {
        return NONE;
      }
      String text = expression.strip();
      Matcher string = STRING.matcher(text);
      if (string.matches()) {
        return new Shortcut("STRING", string.group(1), null);
      }
      if (text.equals("true") || text.equals("false")) {
        return new Shortcut("BOOLEAN", text, null);
      }
      if (!unary && NAME.matcher(text).matches() && !KEYWORDS.contains(text)) {
        return new Shortcut("NAME", text, null);
      }
      Matcher dateOfName = DATE_OF_NAME.matcher(text);
      if (!unary && dateOfName.matches() && !KEYWORDS.contains(dateOfName.group(1))) {
        return new Shortcut("DATE_OF_NAME", dateOfName.group(1), null);
      }
      Matcher dateComparison = DATE_COMPARISON.matcher(text);
      if (unary && dateComparison.matches() && date(dateComparison.group(2)) != null) {
        return new Shortcut("DATE_COMPARISON", dateComparison.group(2), dateComparison.group(1));
      }
      Matcher comparison = COMPARISON.matcher(text);
      if (unary && comparison.matches()) {
        return new Shortcut("COMPARISON", comparison.group(2), comparison.group(1));
      }
      if (unary && STRINGS.matcher(text).matches()) {
        return new Shortcut("ANY_STRING", text, null);
      }
      Matcher negated = NEGATED.matcher(text);
      if (unary && negated.matches() && STRINGS.matcher(negated.group(1).strip()).matches()) {
        return new Shortcut("NO_STRING", negated.group(1).strip(), null);
      }
      return NONE;
    }

    /** The expression's value, or {@link #NO_SHORTCUT}. */
    Object expression(CachingFeelEngine engine, ContextVariableWrapper variables) {
      switch (kind) {
        case "STRING":
          return text;
        case "BOOLEAN":
          return Boolean.valueOf(text);
        case "NAME":
          Val value = engine.variable(variables, text);
          return value instanceof ValString || value instanceof ValBoolean || value instanceof ValNumber
              ? engine.values.unpackVal(value) : NO_SHORTCUT;
        case "DATE_OF_NAME":
          LocalDate date = engine.variable(variables, text) instanceof ValString s ? date(s.value()) : null;
          return date == null ? NO_SHORTCUT : engine.values.unpackVal(ValDate.apply(date));
        default:
          return NO_SHORTCUT;
      }
    }

    /** The values of a comma-separated list of string literals without escapes (no quote or backslash inside). */
    private static java.util.List<String> strings(String literals) {
      java.util.List<String> out = new java.util.ArrayList<>();
      Matcher m = STRING_IN_LIST.matcher(literals);
      while (m.find()) {
        out.add(m.group(1));
      }
      return out;
    }

    /** The unary test's answer for the input, or null (the interpreter answers). */
    Boolean unaryTest(CachingFeelEngine engine, ContextVariableWrapper variables, String inputVariable) {
      Val input = engine.variable(variables, inputVariable);
      switch (kind) {
        case "STRING":
          return input instanceof ValString s ? s.value().equals(text) : null;
        case "BOOLEAN":
          return input instanceof ValBoolean b ? b.value() == Boolean.parseBoolean(text) : null;
        case "ANY_STRING":
          return input instanceof ValString s ? strings(text).contains(s.value()) : null;
        case "NO_STRING":
          return input instanceof ValString s ? !strings(text).contains(s.value()) : null;
        case "COMPARISON":
          if (!(input instanceof ValNumber n)) {
            return null;
          }
          return compared(n.value().bigDecimal().compareTo(new BigDecimal(text)));
        case "DATE_COMPARISON":
          return input instanceof ValDate d ? compared(d.value().compareTo(date(text))) : null;
        default:
          return null;
      }
    }

    private Boolean compared(int c) {
      return switch (operator) {
        case "<" -> c < 0;
        case "<=" -> c <= 0;
        case ">" -> c > 0;
        default -> c >= 0;
      };
    }

    /** The date an ISO text names ({@code 2025-07-01}), or null (another form, or no such day: the interpreter). */
    static LocalDate date(String text) {
      if (!ISO_DATE.matcher(text).matches()) {
        return null;
      }
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }

  /** The stock engine's exception and message ("FEEL/SCALA-01004 …"), as the DMN engine reports it. */
  private static FeelException failure(String message) {
    return ScalaFeelLogger.LOGGER.evaluationException(message);
  }

  @SafeVarargs
  private static <T> List<T> scalaList(T... elements) {
    return CollectionConverters.asScala(Arrays.asList(elements)).toList();
  }

  /** The evaluation's variables, as the stock engine passes them. */
  private static final class Variables extends CustomContext {
    private final VariableProvider variables;

    Variables(VariableProvider variables) {
      this.variables = variables;
    }

    @Override
    public VariableProvider variableProvider() {
      return variables;
    }
  }
}
