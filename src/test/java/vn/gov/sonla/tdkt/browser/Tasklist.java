package vn.gov.sonla.tdkt.browser;

import static vn.gov.sonla.tdkt.browser.Browser.literal;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Camunda Tasklist as a person uses it: filters, the task list, claim, the form-js task form, complete. */
final class Tasklist {

  private final Browser b;

  Tasklist(Browser browser) {
    this.b = browser;
  }

  void open() {
    b.open("/camunda/app/tasklist/default/#/");
    b.visible(By.cssSelector(".task-filters, [cam-tasklist-filters]"));
  }

  /** Selects the filter by its (Vietnamese) name. */
  void filter(String name) {
    b.click(By.xpath("//*[contains(@class,'task-filters')]//*[normalize-space(.)=" + literal(name) + "]"));
  }

  /** Opens the task of the list whose row shows the text (the filters show the dossier code). */
  void openTask(String text) {
    By row = By.xpath("//*[contains(@class,'tasks-list')]//li[contains(normalize-space(.), " + literal(text) + ")]");
    b.until(d -> {
      if (d.findElements(row).isEmpty()) {
        // the list refreshes on its own; a click on the filter again makes it sooner
        return false;
      }
      return true;
    });
    WebElement item = b.clickable(By.xpath("(//*[contains(@class,'tasks-list')]//li[contains(normalize-space(.), "
        + literal(text) + ")]//*[contains(@class,'names') or self::h4]//a)[1] | (//*[contains(@class,'tasks-list')]"
        + "//li[contains(normalize-space(.), " + literal(text) + ")])[1]"));
    item.click();
    b.visible(By.cssSelector(".fjs-container, .task-details, [cam-tasklist-task]"));
  }

  void claim() {
    b.click(By.xpath("//*[self::a or self::button][normalize-space(.)='Nhận xử lý']"));
    b.until(d -> d.findElements(By.xpath("//*[self::a or self::button][normalize-space(.)='Nhận xử lý']")).isEmpty());
  }

  /** The form's field (input, textarea) whose label starts with the text. */
  By field(String label, String tag) {
    return By.xpath("//div[contains(@class,'fjs-form-field')][.//label[starts-with(normalize-space(.), "
        + literal(label) + ")]]//" + tag);
  }

  void typeInto(String label, String text) {
    By by = field(label, "textarea");
    b.until(d -> d.findElement(by).isEnabled());
    b.type(by, text);
  }

  /** A radio or checklist option, by the option's label. */
  void choose(String optionLabel) {
    b.click(By.xpath("//div[contains(@class,'fjs-form-field')]//label[contains(normalize-space(.), "
        + literal(optionLabel) + ")][.//input]"));
  }

  void complete() {
    b.click(By.xpath("//button[normalize-space(.)='Hoàn thành']"));
    b.visible(By.xpath("//*[contains(normalize-space(.), 'Công việc đã hoàn thành')]"));
  }
}
