package vn.gov.sonla.tdkt.identity;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * Access rules declared on the controllers: {@code @PreAuthorize("@dossierAccess.canRead(authentication, #code)")},
 * one access bean per feature (next to its controller). An access bean answers true, or throws the feature's refusal
 * ({@link ForbiddenException}, 403 with its Vietnamese reason; a not-found problem where the product hides another
 * unit's records, 404), so that the answers stay those the checks inside the controllers gave.
 */
@Configuration
@EnableMethodSecurity
public class MethodSecurityConfig {}
