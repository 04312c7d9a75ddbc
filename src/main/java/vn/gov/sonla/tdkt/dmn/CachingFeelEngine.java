package vn.gov.sonla.tdkt.dmn;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.collection.Iterator;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationFailureType;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.FunctionProvider.CompositeFunctionProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.FeelInterpreter;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;

/**
 * Camunda's FEEL engine for DMN (feel-scala 1.19) without two costs repeated on every evaluation. The stock engine
 * parses each input expression and each rule's input entry again every time it is evaluated (FEEL's parser is a
 * parser combinator), and builds its root context with all built-in functions anew for every evaluation; a
 * criteria table with 24 inputs runs about a hundred evaluations. Here the parsed expressions are remembered (the
 * texts come from deployed decision tables, so there are few of them) and the built-in functions are made once.
 * Evaluation is otherwise the stock one: {@code evalExpression(text, context)} is {@code parseExpression(text)}
 * followed by {@code eval(parsed, context)}, and so is it here (see {@link #evaluate}). A text that does not parse
 * is not remembered and goes through the stock path, so its error reads as before.
 */
public class CachingFeelEngine extends ScalaFeelEngine {

  /** Texts remembered per kind; beyond this, expressions are parsed each time (correct, only slower). */
  static final int MAX_EXPRESSIONS = 10_000;

  private final java.util.Map<String, Optional<ParsedExpression>> expressions = new ConcurrentHashMap<>();
  private final java.util.Map<String, Optional<ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

  private final FeelInterpreter interpreter;
  private final FunctionProvider rootFunctions;

  public CachingFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
    super(functionProviders);
    this.interpreter = new FeelInterpreter(feelEngine.valueMapper());
    this.rootFunctions = new CompositeFunctionProvider(toScalaList(
        new BuiltinFunctions(feelEngine.clock(), feelEngine.valueMapper()), feelEngine.functionProvider()));
  }

  @Override
  @SuppressWarnings({"unchecked", "deprecation"})
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    Optional<ParsedExpression> parsed = parsed(expressions, expression, false);
    if (parsed.isEmpty()) {
      return super.evaluateSimpleExpression(expression, variableContext);
    }
    ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
    return (T) evaluate(parsed.get(), new Variables(variables));
  }

  @Override
  @SuppressWarnings("deprecation")
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
    Optional<ParsedExpression> parsed = parsed(unaryTests, expression, true);
    if (parsed.isEmpty()) {
      return super.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
    }
    StaticVariableProvider input = new StaticVariableProvider(new Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable));
    ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
    VariableProvider both = new CompositeVariableProvider(toScalaList(input, variables));
    return BoxesRunTime.unboxToBoolean(evaluate(parsed.get(), new Variables(both)));
  }

  @SuppressWarnings("deprecation")
  private Optional<ParsedExpression> parsed(java.util.Map<String, Optional<ParsedExpression>> memo, String text,
      boolean unary) {
    Optional<ParsedExpression> known = memo.get(text);
    if (known != null) {
      return known;
    }
    Either<Failure, ParsedExpression> result = unary ? feelEngine.parseUnaryTests(text) : feelEngine.parseExpression(text);
    Optional<ParsedExpression> parsed = result instanceof Right<Failure, ParsedExpression> right
        ? Optional.of(right.value()) : Optional.empty();
    if (parsed.isPresent() && memo.size() < MAX_EXPRESSIONS) {
      memo.putIfAbsent(text, parsed);
    }
    return parsed;
  }

  /**
   * What {@code FeelEngine.eval(parsed, context)} does, with the built-in functions made once: the stock engine
   * builds its root context, with a new {@code BuiltinFunctions} (the maps of a few hundred functions), for every
   * single evaluation, which was the larger half of a decision table's evaluation time. The built-in functions
   * hold no state (they are stateless Scala objects, or keep only the engine's clock and value mapper), so one
   * set serves every evaluation; each evaluation still gets its own context and failure collector. The outcome
   * is the stock one: the value unpacked by the value mapper, or a failure with the stock message.
   */
  private Object evaluate(ParsedExpression parsed, Context variables) {
    String failure;
    try {
      EvalContext context = EvalContext.create(feelEngine.valueMapper(), rootFunctions).merge(variables);
      Val value = interpreter.eval(parsed.expression(), context);
      Optional<String> assertion = assertionFailure(context);
      if (assertion.isPresent()) {
        failure = "Assertion failure on evaluate the expression '" + parsed.text() + "': " + assertion.get();
      } else if (value instanceof ValError error) {
        failure = "failed to evaluate expression '" + parsed.text() + "': " + error.error();
      } else if (value instanceof ValFatalError error) {
        failure = "failed to evaluate expression '" + parsed.text() + "': " + error.error();
      } else {
        return feelEngine.valueMapper().unpackVal(value);
      }
    } catch (Exception e) {
      failure = "failed to evaluate expression '" + parsed.text() + "' : " + e;
    }
    throw LOGGER.evaluationException(failure);
  }

  private static Optional<String> assertionFailure(EvalContext context) {
    Iterator<EvaluationFailure> failures = context.failureCollector().failures().iterator();
    while (failures.hasNext()) {
      EvaluationFailure f = failures.next();
      if (f.failureType() == EvaluationFailureType.ASSERT_FAILURE$.MODULE$) {
        return Optional.of(f.failureMessage());
      }
    }
    return Optional.empty();
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
