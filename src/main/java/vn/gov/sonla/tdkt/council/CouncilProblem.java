package vn.gov.sonla.tdkt.council;

import org.springframework.http.HttpStatus;
import vn.gov.sonla.tdkt.kernel.Problem;

/** A refused council-session request: status, problem type and a Vietnamese message for the user. */
public class CouncilProblem extends Problem {

  public CouncilProblem(HttpStatus status, String type, String title, String message) {
    super(status, type, title, message);
  }

  static CouncilProblem forbidden(String message) {
    return new CouncilProblem(HttpStatus.FORBIDDEN, "forbidden", "Không có quyền", message);
  }

  static CouncilProblem invalid(String message) {
    return new CouncilProblem(HttpStatus.BAD_REQUEST, "invalid-input", "Dữ liệu không hợp lệ", message);
  }

  static CouncilProblem notFound(String message) {
    return new CouncilProblem(HttpStatus.NOT_FOUND, "not-found", "Không tìm thấy", message);
  }

  static CouncilProblem conflict(String message) {
    return new CouncilProblem(HttpStatus.CONFLICT, "wrong-state", "Không thực hiện được ở bước hiện tại", message);
  }
}
