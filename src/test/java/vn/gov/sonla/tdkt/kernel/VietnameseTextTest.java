package vn.gov.sonla.tdkt.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class VietnameseTextTest {

  @Test
  void foldsCaseAndDiacritics() {
    assertThat(VietnameseText.fold("Nguyễn Văn An")).isEqualTo("nguyen van an");
    assertThat(VietnameseText.fold("NGUYỄN VĂN AN")).isEqualTo("nguyen van an");
    assertThat(VietnameseText.fold("Nguyen Van An")).isEqualTo("nguyen van an");
  }

  @Test
  void dWithStrokeBecomesD() {
    assertThat(VietnameseText.fold("Đặng Thị Bình")).isEqualTo("dang thi binh");
    assertThat(VietnameseText.fold("đường Tô Hiệu")).isEqualTo("duong to hieu");
  }

  @Test
  void hornsBrevesAndStackedMarksGo() {
    assertThat(VietnameseText.fold("Ư ư Ơ ơ Ă Â Ê Ô")).isEqualTo("u u o o a a e o");
    assertThat(VietnameseText.fold("Mỹ Sỹ Kỹ")).isEqualTo("my sy ky");
    assertThat(VietnameseText.fold("Trường Sơn Ưng Hoà Hoằng Ngữ Ượt")).isEqualTo("truong son ung hoa hoang ngu uot");
  }

  @Test
  void combiningSequencesFoldLikePrecomposedLetters() {
    String decomposed = Normalizer.normalize("Nguyễn Thị Hồng Đức Mỹ", Normalizer.Form.NFD);
    assertThat(decomposed).isNotEqualTo("Nguyễn Thị Hồng Đức Mỹ");
    assertThat(VietnameseText.fold(decomposed)).isEqualTo("nguyen thi hong duc my");
    // e + combining circumflex + combining tilde, as some keyboards type it
    assertThat(VietnameseText.fold("Nguye\u0302\u0303n")).isEqualTo("nguyen");
  }

  @Test
  void spacesAreCollapsedAndTrimmed() {
    assertThat(VietnameseText.fold("  Lò   Văn\tThắng \u00a0 ")).isEqualTo("lo van thang");
    assertThat(VietnameseText.fold("   ")).isEmpty();
    assertThat(VietnameseText.fold(null)).isNull();
  }
}
