package vn.gov.sonla.tdkt.dossier;

import org.springframework.http.HttpStatus;
import vn.gov.sonla.tdkt.kernel.Problem;

public class DuplicateDossierException extends Problem {
  public DuplicateDossierException() {
    super(HttpStatus.CONFLICT, "duplicate-dossier", "Hồ sơ trùng", "Đối tượng này đã có hồ sơ đề nghị cùng hình thức khen thưởng trong năm đang được xử lý"
        + " hoặc đã được khen thưởng.");
  }
}
