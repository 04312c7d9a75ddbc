package vn.gov.sonla.tdkt.dossier;

public class DuplicateDossierException extends RuntimeException {
  public DuplicateDossierException() {
    super("Đối tượng này đã có hồ sơ đề nghị cùng hình thức khen thưởng trong năm đang được xử lý"
        + " hoặc đã được khen thưởng.");
  }
}
