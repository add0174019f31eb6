package lab.runner.scan;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The endpoint to scan and the one address every probe goes to, decided once. A loopback target must be named
 * as loopback ({@code localhost}, a {@code *.localhost} name, {@code 127.x.x.x} or {@code [::1]}): those need no
 * DNS, neither here nor in the browser, so the address checked is the address probed. Any other name is
 * resolved once, and only with {@code --allow-remote}; the header probes then connect to that address.
 */
public record ScanTarget(URI uri, InetAddress address) {

    /** @throws IllegalArgumentException saying why {@code uri} may not be scanned */
    public static ScanTarget of(URI uri, boolean allowRemote) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        try {
            if (host.equals("localhost") || host.endsWith(".localhost")) {
                return new ScanTarget(uri, InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
            }
            if (isAddressLiteral(host)) {
                InetAddress literal = InetAddress.getByName(host);
                if (!literal.isLoopbackAddress() && !allowRemote) {
                    throw notLocal(host);
                }
                return new ScanTarget(uri, literal);
            }
            if (!allowRemote) {
                throw new IllegalArgumentException(host + " is not on this machine by its name; name it localhost, a"
                        + " *.localhost name or 127.0.0.1 (so that no DNS answer can move the scan elsewhere), or"
                        + " scan what you own elsewhere with --allow-remote");
            }
            return new ScanTarget(uri, InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(host + " cannot be resolved");
        }
    }

    private static IllegalArgumentException notLocal(String host) {
        return new IllegalArgumentException(
                host + " is not on this machine; scan only what you own, and say so with --allow-remote");
    }

    /** An IPv4 literal or a bracketed IPv6 one: turned into an address without asking any resolver. */
    private static boolean isAddressLiteral(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.startsWith("[");
    }

    /** The Host header a browser would send for this target. */
    String hostHeader() {
        return uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /**
     * The target with its host replaced by the checked address, for an http client that must not resolve the
     * name again (https keeps the name, which its certificate needs).
     */
    URI pinned() {
        if (!"http".equals(uri.getScheme())) {
            return uri;
        }
        String literal = address.getHostAddress();
        String hostPart = literal.contains(":") ? "[" + literal + "]" : literal;
        return URI.create("http://" + hostPart + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }
}
