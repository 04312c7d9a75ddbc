package vn.gov.sonla.tdkt.engine;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;

/**
 * The process engine is built after Flyway has migrated the database: Spring Boot makes every bean this detector
 * names depend on the database initializers (the {@code flywayInitializer}), so that on PostgreSQL the engine
 * finds the tables V10 created ({@code schema-update} is off there) and never races Flyway for the schema.
 * Registered in {@code META-INF/spring.factories}.
 */
public class EngineAfterFlyway implements DependsOnDatabaseInitializationDetector {

  @Override
  public Set<String> detect(ConfigurableListableBeanFactory beanFactory) {
    Set<String> names = new LinkedHashSet<>();
    for (Class<?> type : EngineInternals.engineBeanTypes()) {
      for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
        names.add(name.startsWith("&") ? name.substring(1) : name);
      }
    }
    return names;
  }
}
