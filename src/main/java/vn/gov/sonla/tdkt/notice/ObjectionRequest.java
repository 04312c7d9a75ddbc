package vn.gov.sonla.tdkt.notice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An objection from the public: the dossier, who objects, how to reach them, and what. Field rules declared here
 * (messages in ValidationMessages_vi.properties), checked by {@link PublicNoticeService#file}.
 */
public record ObjectionRequest(
    @NotBlank(message = "{objection.dossierCode.required}") @Size(max = 40, message = "{field.size}")
    String dossierCode,
    @NotBlank(message = "{objection.name.required}") @Size(max = 200, message = "{field.size}") String name,
    @NotBlank(message = "{objection.contact.required}") @Size(max = 200, message = "{field.size}") String contact,
    @NotBlank(message = "{objection.content.required}") @Size(max = 4000, message = "{field.size}") String content) {}
