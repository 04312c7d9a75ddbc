package vn.gov.sonla.tdkt.kernel;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * Bean Validation's violations as the API's field problems: the field's name as the request names it
 * ({@code year}, {@code declaredFacts.memberCount}) and the Vietnamese message of ValidationMessages_vi.properties.
 */
public final class FieldProblems {

  /** Declared rules without a time in them; messages interpolated once per violation. */
  private static final Validator RULES = Validation.buildDefaultValidatorFactory().getValidator();

  private FieldProblems() {}

  /** The declared rules that {@code request} breaks (none: an empty list). */
  public static List<FieldProblem> check(Object request) {
    return of(RULES.validate(request));
  }

  /** A validator whose "today" ({@code @Past}, {@code @PastOrPresent}) is the application's clock's. */
  public static Validator validator(Clock clock) {
    return Validation.byDefaultProvider().configure().clockProvider(() -> clock).buildValidatorFactory()
        .getValidator();
  }

  /** Violations of an object's declared rules (a request body, a service's check), ordered by field. */
  public static List<FieldProblem> of(Collection<? extends ConstraintViolation<?>> violations) {
    return violations.stream()
        .map(v -> new FieldProblem(field(v.getPropertyPath()), v.getMessage()))
        .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
        .toList();
  }

  static List<FieldProblem> of(BindingResult result) {
    List<FieldProblem> problems = new ArrayList<>();
    for (var error : result.getAllErrors()) {
      problems.add(new FieldProblem(error instanceof FieldError f ? f.getField() : result.getObjectName(),
          error.getDefaultMessage()));
    }
    return problems;
  }

  static List<FieldProblem> of(HandlerMethodValidationException e) {
    List<FieldProblem> problems = new ArrayList<>();
    for (var result : e.getParameterValidationResults()) {
      String parameter = parameterName(result.getMethodParameter());
      for (MessageSourceResolvable error : result.getResolvableErrors()) {
        problems.add(new FieldProblem(error instanceof FieldError f ? f.getField() : parameter,
            error.getDefaultMessage()));
      }
    }
    return problems;
  }

  /** A request parameter's name as the client sends it ({@code @RequestParam("name")}), else the Java name. */
  private static String parameterName(org.springframework.core.MethodParameter parameter) {
    var param = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
    if (param != null && !param.name().isEmpty()) {
      return param.name();
    }
    var path = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class);
    if (path != null && !path.name().isEmpty()) {
      return path.name();
    }
    return parameter.getParameterName();
  }

  /** The property path without the method and its parameter's position ({@code list.year} gives {@code year}). */
  private static String field(Path path) {
    List<String> names = new ArrayList<>();
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
          || node.getKind() == ElementKind.BEAN || node.getName() == null) {
        continue;
      }
      names.add(node.getName());
    }
    return String.join(".", names);
  }
}
