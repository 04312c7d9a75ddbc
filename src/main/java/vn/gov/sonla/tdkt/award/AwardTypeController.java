package vn.gov.sonla.tdkt.award;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/award-types")
public class AwardTypeController {

  private final AwardCatalog catalog;

  public AwardTypeController(AwardCatalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping
  public List<AwardType> list() {
    return catalog.all();
  }
}
