package lab.runner.doctor;

import com.microsoft.playwright.Page;
import lab.scenarios.ThirdPartyCookies;

/**
 * Opens a browser page that follows a third-party cookie setting. The lab's own answer is
 * {@code LabBrowser::newPage}; a test can hand over pages of the other setting to prove that the checks notice.
 */
@FunctionalInterface
public interface SettingPages {

    Page open(ThirdPartyCookies setting);
}
