package vn.gov.sonla.tdkt.report;

import vn.gov.sonla.tdkt.support.AppTest;

/** {@link StepTimeReadModelCases} on H2. */
@AppTest
class StepTimeReadModelTest extends StepTimeReadModelCases {}
