package lab.runner.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/** One keep-alive connection of {@link Throughput}'s load: the request it repeats, and the answer it is reading. */
final class LoadClient {
    private final SocketChannel channel;
    private final ByteBuffer request;
    private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
    private long[] latencies = new long[4096];
    private final ResponseReader response = new ResponseReader();
    private long sentAt;
    private int count;
    private long errors;
    private boolean open = true;

    LoadClient(SocketChannel channel, byte[] request) {
        this.channel = channel;
        this.request = ByteBuffer.wrap(request);
    }

    boolean open() {
        return open;
    }

    int count() {
        return count;
    }

    long errors() {
        return errors;
    }

    /** The latency of answer {@code i}, in ns. */
    long latency(int i) {
        return latencies[i];
    }

    void close() throws IOException {
        channel.close();
    }

    /** Writes the whole request; it is small, so a loopback socket takes it at once. */
    void send(long now) {
        request.rewind();
        sentAt = now;
        try {
            while (request.hasRemaining()) {
                channel.write(request);
            }
        } catch (IOException e) {
            open = false;
        }
    }

    /** Reads what arrived; true once a whole answer is in. */
    boolean read(long now) {
        try {
            if (channel.read(in) < 0) {
                open = false;
                return true;
            }
        } catch (IOException e) {
            open = false;
            return true;
        }
        in.flip();
        int status = response.feed(in);
        in.compact();
        if (status == 0) {
            return false;
        }
        if (status != 200) {
            errors++;
        }
        if (count == latencies.length) {
            latencies = Arrays.copyOf(latencies, count * 2);
        }
        latencies[count++] = now - sentAt;
        response.reset();
        return true;
    }
}
