package vn.gov.sonla.tdkt.decision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.gov.sonla.tdkt.award.AwardCatalog;
import vn.gov.sonla.tdkt.award.AwardType;
import vn.gov.sonla.tdkt.award.RewardMoney;
import vn.gov.sonla.tdkt.award.SubjectKind;
import vn.gov.sonla.tdkt.decision.DecisionContent.AwardGroup;
import vn.gov.sonla.tdkt.decision.DecisionContent.AwardedSubject;
import vn.gov.sonla.tdkt.decision.DecisionContent.Reward;
import vn.gov.sonla.tdkt.dossier.Dossier;
import vn.gov.sonla.tdkt.pdf.DecisionProperties;

/**
 * Composes the content of a decision awarding one or many dossiers: the heading and signer from
 * {@code tdkt.decision}, the căn cứ lines of the legal regime ({@code tdkt.legal.citations}), the subjects grouped by
 * award (catalogue order), and each subject's reward, coefficient × base salary in force on the signing date.
 */
@Component
public class DecisionComposer {

  private final DecisionProperties properties;
  private final LegalCitations citations;
  private final AwardCatalog catalog;
  private final RewardMoney rewardMoney;
  private final AwardRegistration registration;

  public DecisionComposer(DecisionProperties properties, LegalCitations citations, AwardCatalog catalog,
      RewardMoney rewardMoney, AwardRegistration registration) {
    this.properties = properties;
    this.citations = citations;
    this.catalog = catalog;
    this.rewardMoney = rewardMoney;
    this.registration = registration;
  }

  /**
   * @param number     e.g. "12/QĐ-UBND"; null for a draft
   * @param signed     the signing date (the rewards' base salary is the one in force on it); a draft is composed for
   *                   the day it is previewed
   * @param signerId   the user who signs
   * @param signerName the signer's full name, family name first
   * @param regime     the legal regime of the dossiers, e.g. "ND152-2025"
   * @param proposal   "Xét đề nghị của …"; null for the default (the proposing units and the Director of Home Affairs)
   */
  public DecisionContent compose(String number, LocalDate signed, boolean draft, String signerId, String signerName,
      String regime, List<Dossier> dossiers, String proposal) {
    Map<String, List<Dossier>> byAward = new LinkedHashMap<>();
    dossiers.stream()
        .sorted(Comparator.comparingInt((Dossier d) -> catalog.get(d.awardType()).sortOrder())
            .thenComparing(Dossier::awardType).thenComparing(d -> d.awardKind().name())
            .thenComparing(Dossier::code))
        .forEach(d -> byAward.computeIfAbsent(d.awardType() + "|" + d.awardKind() + "|" + d.awardYear(),
            k -> new ArrayList<>()).add(d));
    List<AwardGroup> awards = new ArrayList<>();
    for (List<Dossier> group : byAward.values()) {
      Dossier first = group.get(0);
      AwardType award = catalog.get(first.awardType());
      awards.add(new AwardGroup(award.name(), first.awardKind().label(), first.awardYear(), null,
          group.stream().map(d -> subject(d, signed)).toList()));
    }
    List<String> units = dossiers.stream().map(registration::unitName).distinct().toList();
    String unitList = String.join(", ", units);
    String proposalLine = proposal != null ? proposal
        : "Xét đề nghị của " + (units.size() == 1 ? "Thủ trưởng " + unitList : "Thủ trưởng các cơ quan, đơn vị: "
            + unitList) + " và Giám đốc Sở Nội vụ";
    String executors = "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, "
        + (units.size() == 1 ? "Thủ trưởng " + unitList : "Thủ trưởng các cơ quan, đơn vị có liên quan");
    return new DecisionContent(properties.issuer(), properties.place(), draft ? null : number,
        draft ? null : signed, properties.authority(), citations.lines(regime, signed), proposalLine, awards,
        executors, properties.recipients(), properties.signer(signerId, signerName));
  }

  private AwardedSubject subject(Dossier d, LocalDate signed) {
    return new AwardedSubject(d.subjectName(), d.subjectKind() != SubjectKind.INDIVIDUAL, d.subjectDetails(),
        d.achievements(), reward(d, signed));
  }

  /**
   * Coefficient of the catalogue × base salary in force on the signing date, rounded per the rule in force on it
   * ({@link RewardMoney}, the same amount as the catalogue view and form 0605); null when either is missing.
   */
  Reward reward(Dossier d, LocalDate signed) {
    if (d.awardType() == null || d.subjectKind() == null) {
      return null;
    }
    return rewardMoney.amount(d.awardType(), d.subjectKind().name(), signed)
        .map(a -> new Reward(a.coefficient(), a.baseSalary(), a.baseSalaryBasis(), a.amount())).orElse(null);
  }
}
