package lab.victim.web;

import io.javalin.http.Context;
import lab.victim.defence.Defence;
import lab.victim.defence.DefenceSettings;
import lab.victim.defence.Defences;

/**
 * The headers the defences put on every answer (framing, say), set before the guards and handlers run so that
 * refusals and error pages carry them too.
 */
final class DefenceHeaders {

    private final DefenceSettings defences;

    DefenceHeaders(DefenceSettings defences) {
        this.defences = defences;
    }

    void apply(Context ctx) {
        Defences current = defences.current();
        for (Defence<?> defence : Defence.values()) {
            defence.contributeHeaders(current, ctx::header);
        }
    }
}
