package vn.gov.sonla.tdkt.dossier;

import java.util.List;
import org.springframework.http.HttpStatus;
import vn.gov.sonla.tdkt.kernel.FieldProblem;
import vn.gov.sonla.tdkt.kernel.Problem;

/** An Idempotency-Key already used by this user for a different request (422, as the draft standard says). */
public class IdempotencyKeyReusedException extends Problem {
  public IdempotencyKeyReusedException(String code) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Khóa Idempotency-Key đã dùng cho yêu cầu khác",
        "Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác (hồ sơ " + code
        + ") với nội dung khác: mỗi hồ sơ mới cần một khóa mới; chỉ gửi lại đúng yêu cầu cũ với khóa cũ.");
  }

  @Override
  public List<FieldProblem> errors() {
    return List.of(new FieldProblem(IdempotencyKey.HEADER, getMessage()));
  }
}
