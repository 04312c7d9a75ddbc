package vn.gov.sonla.tdkt.dmn;

import camundajar.impl.scala.collection.immutable.List;
import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.jdk.javaapi.CollectionConverters;
import camundajar.impl.scala.runtime.BoxesRunTime;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
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
import org.camunda.feel.valuemapper.CustomValueMapper;

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
 */
public class CachingFeelEngine implements FeelEngine {

  /** Texts remembered per kind; beyond this, expressions are parsed each time (correct, only slower). */
  static final int MAX_EXPRESSIONS = 10_000;

  /** The variable under which a unary test finds the name of its input variable (as the stock engine sets it). */
  private static final String INPUT_VARIABLE_NAME = UnaryTests$.MODULE$.inputVariable();

  private final java.util.Map<String, ParseResult> expressions = new ConcurrentHashMap<>();
  private final java.util.Map<String, ParseResult> unaryTests = new ConcurrentHashMap<>();
  private final FeelEngineApi feel;

  public CachingFeelEngine(java.util.List<FeelCustomFunctionProvider> functionProviders) {
    FeelEngineBuilder builder = FeelEngineBuilder.forJava();
    CustomValueMapper spin = new SpinValueMapperFactory().createInstance();
    if (spin != null) {
      builder = builder.withCustomValueMapper(spin);
    }
    // the custom functions see values through the same mappers as the expressions, as in the stock engine
    this.feel = builder
        .withFunctionProvider(new CustomFunctionTransformer(functionProviders, builder.valueMapper()))
        .withEnabledExternalFunctions(false)
        .build();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    ParseResult parsed = parsed(expressions, expression, false);
    return (T) result(parsed, new Variables(new ContextVariableWrapper(variableContext)));
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
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
