package lab.runner.doctor;

import com.microsoft.playwright.BrowserContext;
import lab.scenarios.ThirdPartyCookies;

/**
 * Which browser profile stands for which third-party cookie setting. The lab's own answer is
 * {@code LabBrowser::context}; a test can hand over a wrong profile to prove that the checks notice.
 */
@FunctionalInterface
public interface Profiles {

    BrowserContext forSetting(ThirdPartyCookies setting);
}
