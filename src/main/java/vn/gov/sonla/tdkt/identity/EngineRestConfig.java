package vn.gov.sonla.tdkt.identity;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/** The engine REST API ({@code /engine-rest}) of the starter, with the project's refusals as 400 problem details. */
@Component
public class EngineRestConfig extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(EngineRefusals.RestExceptionMapper.class);
    register(EngineRefusals.ProcessEngineExceptionMapper.class);
  }
}
