package lab.attacker.rebind;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Finds a browser's top-level navigation ({@code Sec-Fetch-Dest: document}) in the bytes it sends: the sign
 * that someone opened or reloaded a page under the rebinding name.
 */
final class NavigationSniffer {

    private static final String MARK = "\r\nsec-fetch-dest: document\r\n";
    private static final int MAX_HEAD = 16 * 1024;
    private static final int HEAD_TIMEOUT_MILLIS = 5_000;

    /** The end of the bytes seen so far, so that a mark split across two reads is still found. */
    private String tail = "";

    boolean sawNavigation(byte[] bytes, int length) {
        String text = tail + new String(bytes, 0, length, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        tail = text.substring(Math.max(0, text.length() - MARK.length()));
        return text.contains(MARK);
    }

    static boolean isNavigation(byte[] head) {
        return new NavigationSniffer().sawNavigation(head, head.length);
    }

    /**
     * Reads a request's head (up to its blank line, at most 16 KB, waiting at most 5 s); whatever was read, even
     * part of a body, is returned so that it can be forwarded unchanged.
     */
    static byte[] readHead(Socket client) throws IOException {
        byte[] head = new byte[MAX_HEAD];
        int length = 0;
        int timeout = client.getSoTimeout();
        client.setSoTimeout(HEAD_TIMEOUT_MILLIS);
        try {
            InputStream in = client.getInputStream();
            while (length < MAX_HEAD) {
                int read = in.read(head, length, MAX_HEAD - length);
                if (read < 0) {
                    break;
                }
                length += read;
                if (new String(head, 0, length, StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            // A client that says nothing for 5 s: forward what it said.
        } finally {
            client.setSoTimeout(timeout);
        }
        return Arrays.copyOf(head, length);
    }
}
