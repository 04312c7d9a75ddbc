package vn.gov.sonla.tdkt.award;

import org.springframework.stereotype.Component;

/**
 * The catalogue's mark for the model ({@code ${awardConsultation.marked(awardType)}}): whether the award is one the
 * catalogue marks as an order or State honour, published for opinions before the council. The rule itself (which
 * dossiers are consulted) is the DMN {@code council-consultation}; this only reads the data.
 */
@Component("awardConsultation")
public class AwardConsultation {

  private final AwardCatalog catalog;

  public AwardConsultation(AwardCatalog catalog) {
    this.catalog = catalog;
  }

  public boolean marked(String awardType) {
    return catalog.consultationBasis(awardType).isPresent();
  }
}
