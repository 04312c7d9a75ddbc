package vn.gov.sonla.tdkt.bloc;

import vn.gov.sonla.tdkt.support.PostgresAppTest;

/** Issue 9 acceptance on the real PostgreSQL server (a fresh database of its own on 127.0.0.1:5432). */
@PostgresAppTest
class BlocYearPostgresTest extends BlocYearScenarios {}
