package lab.runner.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A browser whose clocks run many times faster than the wall clock, through libfaketime (Debian's
 * {@code libfaketime}) preloaded into the browser's processes. It lets {@code ./lab doctor} watch a browser rule
 * that is stated in hours, such as the preflight cache's cap, play out in seconds. Only the browser runs fast: the
 * lab's servers and its driver keep real time.
 */
public final class FasterClock {

    /** Where Debian and Ubuntu install the library, per architecture. */
    private static final List<Path> LIBRARIES = List.of(
            Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"),
            Path.of("/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1"),
            Path.of("/usr/local/lib/faketime/libfaketime.so.1"));

    private FasterClock() {}

    /** The installed libfaketime, if any. */
    public static Optional<Path> library() {
        return LIBRARIES.stream().filter(Files::isReadable).findFirst();
    }

    /**
     * The environment that makes a browser's clocks run {@code speed} times as fast, from the moment it starts.
     *
     * @param library the libfaketime to preload, from {@link #library()}
     */
    public static Map<String, String> environment(Path library, int speed) {
        if (speed < 2) {
            throw new IllegalArgumentException("a faster clock runs at least twice as fast, not " + speed);
        }
        // Start from now, then run 'speed' times as fast: "+0 x1000".
        return Map.of("LD_PRELOAD", library.toString(), "FAKETIME", "+0 x" + speed);
    }
}
