package vn.gov.sonla.tdkt.load;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Issue 20's targets per request (p95 in ms) and no failed request: the simulation's Gatling assertions and the
 * comparison of the real run with the skeleton anchor ({@link AnchorComparison}) both read them from here.
 */
final class Targets {

  /** Request name (as in the Gatling report) to its p95 target in ms, in the report's order of kinds. */
  static final Map<String, Integer> P95 = new LinkedHashMap<>();

  static {
    for (String read : new String[] {"dossier list", "filter list", "form variables", "search", "public notices",
        "api dossier list", "api dossier", "ballot list", "ballot form variables", "batch list",
        "batch form variables"}) {
      P95.put(read, 150);
    }
    for (String write : new String[] {"claim", "complete", "ballot", "batch claim"}) {
      P95.put(write, 300);
    }
    P95.put("submission (3 documents)", 800);
    P95.put("api submission (3 documents)", 800);
    P95.put("batch decision", 1000);
  }

  private Targets() {}
}
