package lab.runner.scan;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.javalin.Javalin;
import java.net.URI;
import java.util.List;
import lab.runner.browser.LabBrowser;
import lab.scenarios.ThirdPartyCookies;

/**
 * Checks in the real browser (Chromium or Firefox) whether a page on a probe origin can read the target with the
 * user's cookie. A small server on loopback serves the page, and the browser's request for it is sent there by
 * Playwright whatever the probe name (a look-alike such as {@code wwwxlocalhost} or {@code evilexample.com}
 * included; each engine in its own way, {@link lab.runner.browser.BrowserEngine#routeToLoopback}): the page's origin is the probe origin
 * to the browser, yet no probe name is ever resolved or connected to.
 */
final class BrowserConfirmation implements AutoCloseable {

    /** What the page got: whether it read the answer, and the answer's text when it did. */
    record Read(boolean read, String body, String error) {}

    private static final String PAGE = """
            <!DOCTYPE html><html><head><link rel="icon" href="data:,"></head><body><script>
            const target = new URLSearchParams(location.search).get('target');
            const done = (result, text) => { document.body.dataset.text = text; document.body.dataset.result = result; };
            const mode = new URLSearchParams(location.search).get('mode');
            if (mode === 'script') {
              // JSONP: the answer is run, not read; its callback hands the page the data.
              window.labScanRead = data => done('read', JSON.stringify(data));
              const script = document.createElement('script');
              script.src = target;
              script.onerror = () => done('failed', 'the script include failed (error event)');
              script.onload = () => { if (!document.body.dataset.result) done('failed', 'the script ran without calling back'); };
              document.body.append(script);
            } else if (mode === 'socket') {
              // A WebSocket: no CORS check; the page reads every frame once the handshake succeeds.
              const frames = [];
              const socket = new WebSocket(target);
              socket.onmessage = e => frames.push(e.data);
              socket.onopen = () => setTimeout(() => socket.close(), 1000);
              socket.onclose = e => { if (!document.body.dataset.result) done(frames.length ? 'read' : 'failed',
                  frames.length ? JSON.stringify(frames) : 'no frame; the socket closed with code ' + e.code); };
            } else if (new URLSearchParams(location.search).get('null') === '1') {
              // A sandboxed frame has an opaque origin: its requests say "Origin: null".
              const frame = document.createElement('iframe');
              frame.sandbox = 'allow-scripts';
              frame.srcdoc = '<script>fetch(' + JSON.stringify(target) + ', {credentials: "include"})'
                + '.then(r => r.text()).then(t => parent.postMessage({read: true, text: t}, "*"))'
                + '.catch(e => parent.postMessage({read: false, text: String(e)}, "*"));<\\/script>';
              addEventListener('message', e => done(e.data.read ? 'read' : 'failed', e.data.text));
              document.body.append(frame);
            } else {
              fetch(target, { credentials: 'include' }).then(r => r.text())
                .then(t => done('read', t)).catch(e => done('failed', String(e)));
            }
            </script></body></html>""";

    private final Javalin server;
    private final LabBrowser browser;

    BrowserConfirmation(LabBrowser browser) {
        this.browser = browser;
        this.server = Javalin.create(config -> {
                    config.startup.showJavalinBanner = false;
                    config.routes.get("/scan.html", ctx -> ctx.html(PAGE));
                })
                .start("127.0.0.1", 0);
    }

    int port() {
        return server.port();
    }

    /**
     * Opens the scan page on {@code origin} (or, for "null", a sandboxed frame on a page of the scanner) with
     * the user's cookies set for the target as a cross-site cookie would need to be: SameSite=None.
     */
    Read read(URI target, String origin, List<String[]> cookies) {
        return load(target, target, null, origin, cookies);
    }

    /** As {@link #read}, but the page includes {@code target} (with {@code ?callback=labScanRead}) as a script. */
    Read include(URI target, String origin, List<String[]> cookies) {
        return load(target, ChannelProbes.withCallback(target, "labScanRead"), "script", origin, cookies);
    }

    /** As {@link #read}, but the page opens {@code target} as a WebSocket and reads its frames for a second. */
    Read openSocket(URI target, String origin, List<String[]> cookies) {
        return load(target, ChannelProbes.socketUri(target), "socket", origin, cookies);
    }

    /**
     * @param target the endpoint, whose origin the cookies are set for
     * @param asked  what the page asks for: the endpoint, its JSONP form or its WebSocket address
     * @param mode   null (a credentialed fetch), {@code script} or {@code socket}
     */
    private Read load(URI target, URI asked, String mode, String origin, List<String[]> cookies) {
        BrowserContext context = browser.context(ThirdPartyCookies.ALLOWED);
        context.clearCookies();
        String targetOrigin =
                target.getScheme() + "://" + target.getHost() + (target.getPort() < 0 ? "" : ":" + target.getPort());
        for (String[] cookie : cookies) {
            context.addCookies(List.of(new Cookie(cookie[0], cookie[1])
                    .setUrl(targetOrigin)
                    .setSameSite(SameSiteAttribute.NONE)
                    .setSecure(true)));
        }
        boolean opaque = "null".equals(origin);
        String pageOrigin = opaque ? "http://null-scan.localhost:" + port() : origin;
        Page page = browser.newPage(ThirdPartyCookies.ALLOWED);
        try {
            // The probe page's request goes to this scanner's loopback server whatever the probe name: the
            // browser keeps the probe origin for the page, yet never resolves the name.
            browser.engine()
                    .routeToLoopback(
                            page,
                            pageOrigin + "/scan.html**",
                            url -> url.replace(pageOrigin, "http://127.0.0.1:" + port()));
            page.navigate(pageOrigin + "/scan.html?target="
                    + java.net.URLEncoder.encode(asked.toString(), java.nio.charset.StandardCharsets.UTF_8)
                    + (opaque ? "&null=1" : "")
                    + (mode == null ? "" : "&mode=" + mode));
            page.waitForSelector(
                    "body[data-result]",
                    new Page.WaitForSelectorOptions()
                            .setState(WaitForSelectorState.ATTACHED)
                            .setTimeout(15_000));
            boolean read = "read".equals(page.getAttribute("body", "data-result"));
            String text = page.getAttribute("body", "data-text");
            return new Read(read, read ? text : null, read ? null : text);
        } catch (PlaywrightException e) {
            return new Read(false, null, e.getMessage().lines().findFirst().orElse(""));
        } finally {
            page.close();
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
