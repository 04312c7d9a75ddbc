package vn.gov.sonla.tdkt.load;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Random;

/**
 * Dossier requests as a unit sends them: an individual's annual-merit proposal for the Chairman's certificate of merit
 * with its three documents (PDFs of the given size), names and birth dates varied so that the duplicate check lets
 * each through.
 */
final class Dossiers {

  private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Lò", "Cầm",
      "Quàng", "Lường", "Hà", "Tòng", "Sùng", "Giàng"};
  private static final String[] MIDDLE = {"Văn", "Thị", "Đức", "Minh", "Thu", "Ngọc", "Hữu", "Thanh", "Quốc", "Kim"};
  private static final String[] GIVEN = {"An", "Bình", "Cường", "Dung", "Giang", "Hà", "Hạnh", "Hùng", "Lan", "Long",
      "Mai", "Nam", "Nga", "Phong", "Quân", "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Vân", "Yến"};

  record Request(String boundary, byte[] body, String subjectName) {}

  private Dossiers() {}

  /** The {@code i}-th load officer's name as the engine's profile holds it: first name (family and middle), last name. */
  static String[] personName(int i) {
    return new String[] {FAMILY[i % FAMILY.length] + " " + MIDDLE[i % MIDDLE.length], GIVEN[i % GIVEN.length]};
  }

  static Request random(long seed, int documentBytes) {
    Random random = new Random(seed);
    // a family name, a middle name and a two-part given name (as many Vietnamese names have): about 77,000 names,
    // each with one of 12,775 birth dates, so that the duplicate check rarely meets the same person twice
    String name = FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
        + GIVEN[random.nextInt(GIVEN.length)] + " " + GIVEN[random.nextInt(GIVEN.length)];
    LocalDate birth = LocalDate.of(1965, 1, 1).plusDays(random.nextInt(365 * 35));
    String json = """
        {"awardType":"BK_TINH","awardKind":"ANNUAL","year":%d,"subjectKind":"INDIVIDUAL","subjectRole":"DIRECT_WORKER",\
        "subjectName":"%s","birthDate":"%s","position":"Chuyên viên","workUnit":"Phòng Tổ chức cán bộ",\
        "achievements":"Hoàn thành xuất sắc nhiệm vụ hai năm liên tục."}""".formatted(LocalDate.now().getYear(), name, birth);
    String boundary = "load" + Long.toHexString(seed);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    part(out, boundary, "dossier", null, "application/json", json.getBytes(StandardCharsets.UTF_8));
    for (String[] doc : new String[][] {{"PROPOSAL_LETTER", "to-trinh.pdf"},
        {"ACHIEVEMENT_REPORT", "bao-cao-thanh-tich.pdf"}, {"REVIEW_MINUTES", "bien-ban.pdf"}}) {
      part(out, boundary, doc[0], doc[1], "application/pdf", pdf(documentBytes, random));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return new Request(boundary, out.toByteArray(), name);
  }

  /** A well-formed one-page PDF padded with a comment stream to about {@code size} bytes. */
  static byte[] pdf(int size, Random random) {
    StringBuilder padding = new StringBuilder(size);
    while (padding.length() < size) {
      padding.append('%').append(Long.toHexString(random.nextLong())).append('\n');
    }
    String text = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>"
        + "endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n" + padding
        + "trailer<</Root 1 0 R>>\n%%EOF\n";
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static void part(ByteArrayOutputStream out, String boundary, String name, String fileName, String type,
      byte[] bytes) {
    String header = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\nContent-Type: " + type + "\r\n\r\n";
    out.writeBytes(header.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(bytes);
    out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
  }
}
