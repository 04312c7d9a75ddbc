package vn.gov.sonla.tdkt.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import vn.gov.sonla.tdkt.pdf.StateFormat;
import vn.gov.sonla.tdkt.pdf.StateFormat.Signer;

/**
 * Everything printed on a commendation decision (Quyết định khen thưởng): one decision may award many collectives
 * and individuals, grouped by award (the attached list, danh sách kèm theo, when there are more than a few).
 *
 * @param issuer     issuing body, e.g. "Ủy ban nhân dân tỉnh Sơn La" (printed upper case)
 * @param place      place of issue, e.g. "Sơn La"
 * @param number     number and symbol, e.g. "12/QĐ-UBND"; null for a draft (printed "Số:      /QĐ-UBND")
 * @param date       date of signature (the issue date); null for a draft
 * @param authority  who decides, printed above the căn cứ lines, e.g. "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SƠN LA"
 * @param citations  the căn cứ lines, in order, each once (see {@link LegalCitations})
 * @param proposal   the proposal the decision answers, e.g. "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình …"
 * @param awards     the awards and their subjects, in the order printed; at least one subject in all
 * @param executors  who executes it (Điều 3), e.g. "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ"
 * @param recipients the "Nơi nhận" list, e.g. "Như Điều 3;", "Lưu: VT, SNV."
 * @param signer     the signer's block and full name
 */
public record DecisionContent(
    String issuer,
    String place,
    String number,
    LocalDate date,
    String authority,
    List<String> citations,
    String proposal,
    List<AwardGroup> awards,
    String executors,
    List<String> recipients,
    Signer signer) {

  /** Up to this many subjects in one award are listed in Điều 1 itself; more go to the attached list. */
  public static final int INLINE_SUBJECTS = 5;

  public DecisionContent {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(place, "place");
    Objects.requireNonNull(authority, "authority");
    Objects.requireNonNull(proposal, "proposal");
    Objects.requireNonNull(executors, "executors");
    Objects.requireNonNull(signer, "signer");
    citations = List.copyOf(Objects.requireNonNull(citations, "citations"));
    recipients = List.copyOf(Objects.requireNonNull(recipients, "recipients"));
    awards = List.copyOf(Objects.requireNonNull(awards, "awards"));
    if (awards.stream().mapToInt(a -> a.subjects().size()).sum() == 0) {
      throw new IllegalArgumentException("A decision must award at least one subject");
    }
    if (citations.stream().map(c -> c.strip().toLowerCase(StateFormat.VIETNAMESE)).distinct().count()
        != citations.size()) {
      throw new IllegalArgumentException("A căn cứ line is repeated: " + citations);
    }
  }

  public int subjectCount() {
    return awards.stream().mapToInt(a -> a.subjects().size()).sum();
  }

  /** Whether the subjects go to an attached list (more than one award, or more than a few subjects). */
  public boolean attachedList() {
    return awards.size() > 1 || subjectCount() > INLINE_SUBJECTS;
  }

  /** The summary line under "QUYẾT ĐỊNH": "Về việc tặng Bằng khen …" (the awards' names joined). */
  public String summary() {
    return "Về việc tặng " + String.join(", ", awards.stream().map(AwardGroup::awardName).distinct().toList());
  }

  /** The total reward money of the decision, in đồng. */
  public long totalReward() {
    return awards.stream().flatMap(a -> a.subjects().stream()).mapToLong(s -> s.reward() == null ? 0
        : s.reward().amount()).sum();
  }

  /**
   * One award of the decision and its subjects.
   *
   * @param awardName  e.g. "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
   * @param kindLabel  e.g. "Khen thưởng đột xuất"
   * @param year       year the achievements belong to
   * @param basis      the article the award rests on, e.g. "Điều 74 Luật Thi đua, khen thưởng"; optional
   */
  public record AwardGroup(String awardName, String kindLabel, int year, String basis, List<AwardedSubject> subjects) {

    public AwardGroup {
      Objects.requireNonNull(awardName, "awardName");
      Objects.requireNonNull(kindLabel, "kindLabel");
      subjects = List.copyOf(Objects.requireNonNull(subjects, "subjects"));
    }
  }

  /**
   * One awarded collective or individual.
   *
   * @param name         name of the collective or individual
   * @param collective   whether it is a collective (tập thể)
   * @param details      position and unit, e.g. "Giáo viên Trường THPT Chiềng Sinh"; optional
   * @param achievements achievements justifying the award; optional
   * @param reward       the reward money; null when the award carries none
   */
  public record AwardedSubject(String name, boolean collective, String details, String achievements, Reward reward) {

    public AwardedSubject {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * Reward money: coefficient × base salary in force on the signing date (rounded as the regime says).
   *
   * @param basis the decree that set the base salary, e.g. "Nghị định 73/2024/NĐ-CP"
   */
  public record Reward(BigDecimal coefficient, long baseSalary, String basis, long amount) {}
}
