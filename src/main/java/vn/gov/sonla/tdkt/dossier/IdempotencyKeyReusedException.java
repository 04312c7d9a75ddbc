package vn.gov.sonla.tdkt.dossier;

/** An Idempotency-Key already used by this user for a different request (422, as the draft standard says). */
public class IdempotencyKeyReusedException extends RuntimeException {
  public IdempotencyKeyReusedException(String code) {
    super("Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác (hồ sơ " + code
        + ") với nội dung khác: mỗi hồ sơ mới cần một khóa mới; chỉ gửi lại đúng yêu cầu cũ với khóa cũ.");
  }
}
