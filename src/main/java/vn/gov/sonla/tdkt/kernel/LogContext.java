package vn.gov.sonla.tdkt.kernel;

import org.slf4j.MDC;

/**
 * The keys this application puts in the logging context (SLF4J's MDC), so that an operator can follow one request,
 * one user or one dossier across the lines of two nodes. With structured logs
 * ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}) each key is a field of every line; the plain console pattern shows
 * them in brackets. The process engine adds its own keys while it runs a process ({@code businessKey}, which is the
 * dossier code for a {@code commendation-dossier} instance, {@code processInstanceId}, {@code activityId}); the node
 * is the ECS field {@code service.node.name}.
 */
public final class LogContext {

  /** The request's id: the caller's {@code X-Request-Id} when well-formed, else a new one; echoed in the answer. */
  public static final String REQUEST_ID = "request.id";
  /** The logged-in user's id. */
  public static final String USER = "user.name";
  /** The dossier the request is about. */
  public static final String DOSSIER = "dossier.code";

  private LogContext() {}

  /**
   * Names the dossier the current request is about. Inside a request the request's filter clears it at the end;
   * outside one (a job, a start-up task) nothing is kept, so that no later line of the same thread is mislabelled.
   */
  public static void dossier(String code) {
    if (code != null && MDC.get(REQUEST_ID) != null) {
      MDC.put(DOSSIER, code);
    }
  }
}
