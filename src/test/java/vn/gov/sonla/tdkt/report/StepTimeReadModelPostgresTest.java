package vn.gov.sonla.tdkt.report;

import vn.gov.sonla.tdkt.support.PostgresAppTest;

/** {@link StepTimeReadModelCases} on PostgreSQL. */
@PostgresAppTest
class StepTimeReadModelPostgresTest extends StepTimeReadModelCases {}
