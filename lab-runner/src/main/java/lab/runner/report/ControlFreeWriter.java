package lab.runner.report;

import java.io.FilterWriter;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Writes text for a terminal with every control character removed except new line, carriage return and tab,
 * and the lab's own colour and erase-line codes ({@code ESC [ digits m} and {@code ESC [ K}). A request's Origin,
 * path or User-Agent shown in a report cannot move the cursor, retitle the window or hide lines: C1 controls
 * (U+0080 to U+009F, a one-character CSI among them), DEL and every other escape sequence are dropped.
 */
public final class ControlFreeWriter extends FilterWriter {

    private final StringBuilder sequence = new StringBuilder();

    private ControlFreeWriter(Writer out) {
        super(out);
    }

    /** {@code out}, filtered; auto-flushing as a console writer is. */
    public static PrintWriter around(PrintWriter out) {
        return new PrintWriter(new ControlFreeWriter(out), true);
    }

    @Override
    public void write(int c) throws java.io.IOException {
        if (!sequence.isEmpty()) {
            sequence.append((char) c);
            if (sequence.length() == 2 && c != '[') {
                sequence.setLength(0);
            } else if (c == 'm' || c == 'K') {
                out.write(sequence.toString());
                sequence.setLength(0);
            } else if (sequence.length() > 2 && !(Character.isDigit(c) || c == ';') || sequence.length() > 16) {
                sequence.setLength(0);
            }
            return;
        }
        if (c == 0x1b) {
            sequence.append((char) c);
        } else if (c == '\n' || c == '\r' || c == '\t' || !(c < 0x20 || (c >= 0x7f && c <= 0x9f))) {
            out.write(c);
        }
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws java.io.IOException {
        for (int i = offset; i < offset + length; i++) {
            write(buffer[i]);
        }
    }

    @Override
    public void write(String text, int offset, int length) throws java.io.IOException {
        for (int i = offset; i < offset + length; i++) {
            write(text.charAt(i));
        }
    }
}
