package vn.gov.sonla.tdkt.council;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Engine calls made by the council's delegates on behalf of the process, not of the user whose
 * action happens to run them (e.g. the member who casts the last ballot), so without that user's
 * authorization checks.
 */
final class SystemCall {

  private SystemCall() {}

  static <T> T run(Supplier<T> call) {
    CommandContext context = Context.getCommandContext();
    return context == null ? call.get() : context.runWithoutAuthorization(call::get);
  }

  static void run(Runnable call) {
    run(() -> {
      call.run();
      return null;
    });
  }
}
