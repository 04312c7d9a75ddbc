package vn.gov.sonla.tdkt.kernel;

/** One bad field of a request, with a message for the user (Vietnamese). */
public record FieldProblem(String field, String message) {}
