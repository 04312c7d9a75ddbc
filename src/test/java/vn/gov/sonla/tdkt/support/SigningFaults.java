package vn.gov.sonla.tdkt.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.signing.PdfSigning;

/**
 * A signing device that can be made to fail from a test: wraps the application's {@link PdfSigning} in every test
 * context (a component of the test sources, so no context of its own), and fails the next signatures made on the
 * calling thread after {@link #failNext(int)}; unarmed it signs as the real one. The job executor is off in the tests,
 * so a job run by the test (ManagementService#executeJob) signs on the test's thread, and no other test is affected.
 */
@Component
public class SigningFaults implements BeanPostProcessor {

  private static final ThreadLocal<int[]> FAILURES = ThreadLocal.withInitial(() -> new int[1]);

  /** The next {@code count} signatures on this thread fail as an unplugged USB token would. */
  public static void failNext(int count) {
    FAILURES.get()[0] = count;
  }

  /** Disarms what is left. */
  public static void reset() {
    FAILURES.remove();
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof PdfSigning signing && !(bean instanceof Switchable)) {
      return new Switchable(signing);
    }
    return bean;
  }

  static final class Switchable extends PdfSigning {

    private final PdfSigning real;

    Switchable(PdfSigning real) {
      super(null, null);
      this.real = real;
    }

    @Override
    public boolean enabled() {
      return real.enabled();
    }

    @Override
    public byte[] sign(byte[] pdf, String reason, String location, Calendar signedAt) {
      int[] left = FAILURES.get();
      if (left[0] > 0) {
        left[0]--;
        throw new UncheckedIOException("Could not sign the PDF: the signing device does not answer",
            new IOException("token removed"));
      }
      return real.sign(pdf, reason, location, signedAt);
    }
  }
}
