package vn.gov.sonla.tdkt.kernel;

import org.camunda.bpm.engine.ProcessEngineException;

/** A task was completed with incomplete or inconsistent input; the message is shown to the user. */
public class TaskInputException extends ProcessEngineException {
  public TaskInputException(String message) {
    super(message);
  }
}
