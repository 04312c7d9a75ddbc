package vn.gov.sonla.tdkt.council;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A council task completed with missing or wrong input: the engine rolls the completion back and the user sees the
 * Vietnamese message (Tasklist; the project's API answers with a problem detail).
 */
public class CouncilInputException extends ProcessEngineException {

  public CouncilInputException(String message) {
    super(message);
  }
}
