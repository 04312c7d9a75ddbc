package vn.gov.sonla.tdkt.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.providers.JavadocProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.gov.sonla.tdkt.kernel.Created;

/**
 * The project API's contract ({@code /v3/api-docs}, Swagger UI for administrators): what every operation shares is
 * declared here once — the two ways to sign in, and the problem details (RFC 9457, formerly 7807) that every error
 * answers with; each operation's summary and description come from its controller method's Javadoc (therapi).
 */
@Configuration
public class OpenApiConfig {

  public static final String BASIC = "basicAuth";
  public static final String SESSION = "sessionCookie";
  public static final String CSRF = "csrfHeader";
  public static final String PROBLEM = "Problem";
  public static final String PROBLEM_JSON = "application/problem+json";

  /** Operations any visitor may call: the public notice and the objection form. */
  static boolean isPublic(String method, String path) {
    return path.startsWith("/api/public/") || (method.equals("POST") && path.equals("/api/objections"));
  }

  @Bean
  OpenAPI projectApi() {
    return new OpenAPI()
        .info(new Info()
            .title("Thi đua, khen thưởng tỉnh Sơn La — workflow API")
            .version("1")
            .description("""
                The project's API: dossiers and their documents, appraisal support, council sessions, decisions and
                certificates, the award register and catalogue, the yearly plan, emulation blocs, notifications, the
                audit trail and reports. User tasks themselves (claim, form, complete) go through Camunda's engine REST
                API at `/engine-rest`, documented by Camunda.

                Sign in with HTTP Basic (scripts, other systems) or with the browser's session cookie from `/login`
                (the project's pages); a session request that changes anything also carries the CSRF token from
                `GET /api/session` in the header `X-CSRF-TOKEN`. Errors are problem details
                (`application/problem+json`) whose `title` and `detail` are Vietnamese, for the user; `errors` lists
                the fields at fault.""")
            .contact(new Contact().name("Sở Nội vụ tỉnh Sơn La"))
            .license(new License().name("Proprietary — UBND tỉnh Sơn La").url("https://sonla.gov.vn")))
        .servers(List.of(new Server().url("/").description("this server")))
        .components(new Components()
            .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("HTTP Basic with the user's login (API clients, scripts); stateless, no CSRF token."))
            .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                .description("The browser session after the form login at /login."))
            .addSecuritySchemes(CSRF, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-CSRF-TOKEN")
                .description("With the session, on every changing request: the token of GET /api/session.")));
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema problemSchema() {
    Schema error = new ObjectSchema()
        .addProperty("field", new StringSchema().description("the request field at fault").example("birthDate"))
        .addProperty("message", new StringSchema().description("what is wrong, in Vietnamese")
            .example("Ngày sinh không được sau ngày hôm nay."));
    return new ObjectSchema()
        .description("Problem details (RFC 9457): the refusal, in Vietnamese, for the person using the page.")
        .addProperty("type", new StringSchema().format("uri").example("https://sonla.gov.vn/tdkt/problems/invalid-input"))
        .addProperty("title", new StringSchema().example("Dữ liệu không hợp lệ"))
        .addProperty("status", new IntegerSchema().example(400))
        .addProperty("detail", new StringSchema().example("Hồ sơ có trường chưa hợp lệ."))
        .addProperty("instance", new StringSchema().format("uri-reference").example("/api/dossiers"))
        .addProperty("errors", new ArraySchema().items(error));
  }

  /**
   * Each operation's summary: the first sentence of its controller method's Javadoc (springdoc puts the whole
   * Javadoc in the description).
   */
  @Bean
  OperationCustomizer summaryFromJavadoc(JavadocProvider javadoc) {
    return (operation, handler) -> {
      if (operation.getSummary() == null || operation.getSummary().isBlank()) {
        String text = javadoc.getMethodJavadocDescription(handler.getMethod());
        if (text != null && !text.isBlank()) {
          operation.setSummary(javadoc.getFirstSentence(text).replaceAll("\\s+", " ").strip());
        }
      }
      Created created = handler.getMethodAnnotation(Created.class);
      if (created != null && operation.getResponses() != null) {
        ApiResponse ok = operation.getResponses().remove("200");
        ApiResponse answer = ok != null ? ok : new ApiResponse();
        answer.setDescription(created.status() == 202 ? "Accepted: the work goes on; follow it at the address in Location."
            : "Created" + (created.location() ? ": the new record, whose address is in Location." : ": the new record."));
        if (created.location()) {
          answer.addHeaderObject("Location", new Header().description("the address of the new record")
              .schema(new StringSchema().format("uri-reference")));
        }
        operation.getResponses().addApiResponse(String.valueOf(created.status()), answer);
      }
      return operation;
    };
  }

  /**
   * Every operation: its security requirement (HTTP Basic, or the session — with the CSRF header when it changes
   * something; none for the public notice) and its error answers as problem details.
   */
  @Bean
  OpenApiCustomizer securityAndProblems() {
    return openApi -> {
      if (openApi.getPaths() == null) {
        return;
      }
      // (springdoc rebuilds the schemas after the OpenAPI bean: the shared one is added here)
      openApi.getComponents().addSchemas(PROBLEM, problemSchema());
      openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
        String verb = method.name();
        boolean changes = !(method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.HEAD);
        if (isPublic(verb, path)) {
          operation.setSecurity(new ArrayList<>());
        } else {
          SecurityRequirement session = new SecurityRequirement().addList(SESSION);
          if (changes) {
            session.addList(CSRF);
          }
          operation.setSecurity(new ArrayList<>(List.of(new SecurityRequirement().addList(BASIC), session)));
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean input = changes || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (input) {
          problem(responses, "400", "Bad input: the fields at fault in `errors`; nothing was changed.");
        }
        if (!isPublic(verb, path)) {
          problem(responses, "401", "Not signed in (HTTP Basic challenge for API clients).");
          problem(responses, "403", "Signed in, but this role or unit may not do this.");
        }
        if (path.contains("{")) {
          problem(responses, "404", "No such record, or not visible to this user.");
        }
        problem(responses, "500", "Unexpected failure: nothing was changed; the detail names the request id.");
        if (changes) {
          problem(responses, "409", "The record is not in a state that allows this (e.g. the step is done).");
        }
        if (isPublic(verb, path) && changes) {
          problem(responses, "429", "Too many requests from this address; try again later.");
        }
        responses.values().stream().filter(r -> r.getContent() != null)
            .forEach(r -> normaliseErrorContent(r));
      }));
      PathItem dossiers = openApi.getPaths().get("/api/dossiers");
      if (dossiers != null && dossiers.getPost() != null && dossiers.getPost().getRequestBody() != null) {
        dossierRequestExample(dossiers.getPost().getRequestBody().getContent());
      }
    };
  }

  /**
   * The dossier intake's multipart request as a client sends it: the part {@code dossier} (JSON) and one file part
   * per document, named by its type.
   */
  private static void dossierRequestExample(Content content) {
    MediaType multipart = content == null ? null : content.get("multipart/form-data");
    if (multipart == null) {
      return;
    }
    Map<String, Object> dossier = new java.util.LinkedHashMap<>();
    dossier.put("awardType", "BK_TINH");
    dossier.put("awardKind", "ANNUAL");
    dossier.put("year", 2026);
    dossier.put("subjectKind", "INDIVIDUAL");
    dossier.put("subjectRole", "DIRECT_WORKER");
    dossier.put("subjectName", "Nguyễn Thị Lan");
    dossier.put("birthDate", "1985-03-12");
    dossier.put("position", "Giáo viên");
    dossier.put("workUnit", "Trường THPT Chiềng Sinh");
    dossier.put("achievements", "Hai năm liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở (2025, 2026).");
    Map<String, Object> example = new java.util.LinkedHashMap<>();
    example.put("dossier", dossier);
    example.put("PROPOSAL_LETTER", "(binary: to-trinh.pdf, application/pdf)");
    example.put("ACHIEVEMENT_REPORT", "(binary: bao-cao-thanh-tich.pdf, application/pdf)");
    example.put("REVIEW_MINUTES", "(binary: bien-ban-hop-xet.pdf, application/pdf)");
    multipart.addExamples("annual-individual", new io.swagger.v3.oas.models.examples.Example()
        .summary("An individual's annual-merit dossier for the Chairman's certificate of merit (BK_TINH)")
        .description("Part `dossier` is JSON (Content-Type application/json); each document is a file part named "
            + "by its type (PROPOSAL_LETTER, ACHIEVEMENT_REPORT, REVIEW_MINUTES, INITIATIVE_PROOF, …), PDF only.")
        .value(example));
    if (multipart.getSchema() != null) {
      // the document parts: any number, each named by its document type
      multipart.getSchema().setAdditionalProperties(new StringSchema().format("binary")
          .description("a document (PDF), the part named by its type"));
    }
    multipart.addEncoding("dossier", new io.swagger.v3.oas.models.media.Encoding().contentType("application/json"));
  }

  private static void problem(ApiResponses responses, String status, String description) {
    ApiResponse existing = responses.get(status);
    ApiResponse response = existing != null ? existing : new ApiResponse().description(description);
    if (response.getDescription() == null || response.getDescription().isBlank()) {
      response.setDescription(description);
    }
    response.setContent(new Content().addMediaType(PROBLEM_JSON,
        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    responses.addApiResponse(status, response);
  }

  /** An error answer declared by an annotation with a generic media type is a problem detail too. */
  private static void normaliseErrorContent(ApiResponse response) {
    Map<String, MediaType> media = response.getContent();
    if (media.containsKey("*/*") && media.size() == 1 && media.get("*/*").getSchema() != null
        && ("#/components/schemas/ProblemDetail".equals(media.get("*/*").getSchema().get$ref()))) {
      response.setContent(new Content().addMediaType(PROBLEM_JSON,
          new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }
  }
}
