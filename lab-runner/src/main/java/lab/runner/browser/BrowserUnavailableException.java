package lab.runner.browser;

/** The browser could not be found or started; the message says how to fix it. */
public final class BrowserUnavailableException extends RuntimeException {

    public BrowserUnavailableException(String message) {
        super(message);
    }

    public BrowserUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
