package vn.gov.sonla.tdkt.bloc;

import vn.gov.sonla.tdkt.support.AppTest;


/** Issue 9 acceptance on the embedded H2 database. */
@AppTest
class BlocYearAcceptanceTest extends BlocYearScenarios {}
