package lab.victim.web;

import lab.victim.defence.Defence;

/** A server defence refused the request; the journal and the {@code X-Lab-Defence} header name it. */
final class RefusedByDefence extends RuntimeException {

    static final String HEADER = "X-Lab-Defence";
    static final String ATTRIBUTE = "lab.refusedBy";

    private final Defence<?> defence;
    private final int status;

    RefusedByDefence(Defence<?> defence, int status, String message) {
        super(message);
        this.defence = defence;
        this.status = status;
    }

    Defence<?> defence() {
        return defence;
    }

    int status() {
        return status;
    }
}
