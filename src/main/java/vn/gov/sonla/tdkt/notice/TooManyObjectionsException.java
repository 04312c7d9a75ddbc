package vn.gov.sonla.tdkt.notice;

public class TooManyObjectionsException extends RuntimeException {
  public TooManyObjectionsException() {
    super("Bạn đã gửi quá nhiều ý kiến phản ánh trong thời gian ngắn. Vui lòng thử lại sau.");
  }
}
