package vn.gov.sonla.tdkt.award;

/** Who decides: the provincial Chairman, or the State (the province submits). */
public enum AwardLevel {
  PROVINCIAL,
  STATE
}
