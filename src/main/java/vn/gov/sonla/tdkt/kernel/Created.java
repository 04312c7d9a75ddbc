package vn.gov.sonla.tdkt.kernel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An API operation that answers 201 Created (or 202 Accepted), with the new resource's address in {@code Location}
 * when {@link #location()}: declared beside the controller method so that the OpenAPI document says what the method
 * answers.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Created {

  /** The status answered: 201, or 202 for work accepted and done later (an import, an objection to review). */
  int status() default 201;

  /** Whether the answer carries {@code Location}. */
  boolean location() default true;
}
