package lab.runner.guide;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Case numbers as a person types them, for {@code --case} and guided mode's list: {@code 2}, {@code 1,3} or
 * {@code 2-5}, counted from 1 in the order {@code ./lab explain} lists a scenario's cases.
 */
public final class CaseNumbers {

    private CaseNumbers() {}

    /**
     * The zero-based indexes {@code text} names among {@code count} cases, in ascending order, each once.
     *
     * @throws IllegalArgumentException naming the part that is not a number, or a number out of 1..count
     */
    public static List<Integer> parse(String text, int count) {
        TreeSet<Integer> chosen = new TreeSet<>();
        for (String part : text.split(",")) {
            String item = part.strip();
            if (item.isEmpty()) {
                continue;
            }
            int dash = item.indexOf('-', 1);
            int from = number(dash < 0 ? item : item.substring(0, dash), count);
            int to = dash < 0 ? from : number(item.substring(dash + 1), count);
            if (to < from) {
                throw new IllegalArgumentException("'" + item + "' runs backwards; write " + to + "-" + from);
            }
            for (int n = from; n <= to; n++) {
                chosen.add(n - 1);
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no case number given; give one from 1 to " + count);
        }
        return new ArrayList<>(chosen);
    }

    private static int number(String text, int count) {
        int n;
        try {
            n = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a case number (1 to " + count + ")");
        }
        if (n < 1 || n > count) {
            throw new IllegalArgumentException("there is no case " + n + "; this scenario has cases 1 to " + count);
        }
        return n;
    }
}
