package vn.gov.sonla.tdkt.award;

import vn.gov.sonla.tdkt.support.AppTest;


/** The register scenarios on the embedded H2 database. */
@AppTest
class RegisterApiH2Test extends RegisterApiScenarios {}
