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
    b.waitForWebapp(By.xpath("//*[contains(@class,'task-filters')]//*[contains(@class,'task-filter')]"));
  }

  /** Selects the filter by its (Vietnamese) name. */
  void filter(String name) {
    // the filter's link holds its name and a counter
    b.click(By.xpath("//*[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[normalize-space(text()[1])="
        + literal(name) + "]"));
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

  /**
   * The text of the list's card (task list row) that shows the text, with its details unfolded as a person does with
   * its arrow (the card shows two variables until then), once the unit's name ("Đơn vị:") shows.
   */
  String card(String text) {
    By row = By.xpath("//*[contains(@class,'tasks-list')]//li[contains(normalize-space(.), " + literal(text) + ")]");
    return b.until(d -> {
      try {
        WebElement card = d.findElement(row);
        if (card.findElements(By.cssSelector(".task-card-details.expanded")).isEmpty()) {
          card.findElements(By.cssSelector("a.glyphicon-menu-down")).stream().filter(WebElement::isDisplayed)
              .findFirst().ifPresent(WebElement::click);
          return null;
        }
        String shown = card.getText();
        return shown.contains("Đơn vị:") ? shown : null;
      } catch (org.openqa.selenium.StaleElementReferenceException rerendered) {
        return null;
      }
    });
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
    By complete = By.xpath("//button[normalize-space(.)='Hoàn thành']");
    WebElement button = b.clickable(complete);
    b.click(complete);
    // the task leaves the view (Tasklist also shows "Công việc đã hoàn thành." for a moment)
    b.until(org.openqa.selenium.support.ui.ExpectedConditions.or(
        org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(button),
        org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOf(button)));
    if (!b.driver.findElements(By.xpath("//*[contains(@class,'notification')]//*[contains(normalize-space(.),"
        + " 'Có lỗi khi gửi biểu mẫu')]")).isEmpty()) {
      throw new AssertionError("Tasklist could not complete the task: " + b.bodyText());
    }
  }
}
