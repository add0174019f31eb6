package lab.runner.bench;

import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * Reads HTTP/1.1 answers from a byte stream as they arrive in pieces: the status line, the headers, then a
 * body of {@code Content-Length} bytes or in chunks. Only as much as a load generator needs: the status, and
 * where each answer ends.
 */
final class ResponseReader {

    private enum State {
        HEAD,
        BODY,
        CHUNK_SIZE,
        CHUNK_DATA,
        CHUNK_END,
        TRAILER
    }

    private final StringBuilder line = new StringBuilder();
    private State state = State.HEAD;
    private int status;
    private long length;
    private boolean chunked;
    private boolean firstLine = true;
    private long remaining;

    /**
     * Consumes bytes of {@code in} up to the end of the current answer.
     *
     * @return the answer's status once it is complete (the rest of {@code in} is left for the next), else 0
     */
    int feed(ByteBuffer in) {
        while (in.hasRemaining()) {
            switch (state) {
                case HEAD, CHUNK_SIZE, CHUNK_END, TRAILER -> {
                    String text = readLine(in);
                    if (text == null) {
                        return 0;
                    }
                    if (lineDone(text)) {
                        return status;
                    }
                }
                case BODY, CHUNK_DATA -> {
                    int take = (int) Math.min(remaining, in.remaining());
                    in.position(in.position() + take);
                    remaining -= take;
                    if (remaining == 0) {
                        if (state == State.BODY) {
                            return status;
                        }
                        state = State.CHUNK_END;
                    }
                }
            }
        }
        return 0;
    }

    /** Starts on the next answer. */
    void reset() {
        state = State.HEAD;
        status = 0;
        length = -1;
        chunked = false;
        firstLine = true;
        line.setLength(0);
    }

    /** Handles one whole line; true when it ended the answer. */
    private boolean lineDone(String text) {
        switch (state) {
            case HEAD -> {
                if (firstLine) {
                    status = Integer.parseInt(text.substring(9, 12));
                    firstLine = false;
                    length = -1;
                } else if (!text.isEmpty()) {
                    String lower = text.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("content-length:")) {
                        length = Long.parseLong(text.substring(15).strip());
                    } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                        chunked = true;
                    }
                } else if (chunked) {
                    state = State.CHUNK_SIZE;
                } else if (length > 0) {
                    remaining = length;
                    state = State.BODY;
                } else {
                    return true;
                }
            }
            case CHUNK_SIZE -> {
                long size = Long.parseLong(text.split(";", 2)[0].strip(), 16);
                if (size == 0) {
                    state = State.TRAILER;
                } else {
                    remaining = size;
                    state = State.CHUNK_DATA;
                }
            }
            case CHUNK_END -> state = State.CHUNK_SIZE;
            case TRAILER -> {
                return text.isEmpty();
            }
            default -> throw new IllegalStateException("not a line state: " + state);
        }
        return false;
    }

    /** The next whole line without its CRLF, or null when the buffer ends first (the part read so far is kept). */
    private String readLine(ByteBuffer in) {
        while (in.hasRemaining()) {
            char c = (char) (in.get() & 0xff);
            if (c == '\n') {
                String text = line.toString();
                line.setLength(0);
                return text;
            }
            if (c != '\r') {
                line.append(c);
            }
        }
        return null;
    }
}
