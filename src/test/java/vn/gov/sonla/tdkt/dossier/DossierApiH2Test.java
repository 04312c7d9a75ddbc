package vn.gov.sonla.tdkt.dossier;

import vn.gov.sonla.tdkt.support.AppTest;


/** The API scenarios on the embedded H2 database. */
@AppTest
class DossierApiH2Test extends DossierApiScenarios {}
