package lab.runner.doctor;

/**
 * What a script's {@code fetch} got: a readable answer, or the error it was given instead.
 *
 * @param status the HTTP status the script could read, or 0 when it could read nothing
 * @param error  the script's error, e.g. {@code TypeError: Failed to fetch}, or null when it read the answer
 */
record FetchResult(boolean read, int status, String error) {

    static FetchResult read(int status) {
        return new FetchResult(true, status, null);
    }

    static FetchResult failed(String error) {
        return new FetchResult(false, 0, error);
    }

    @Override
    public String toString() {
        return read ? "the script read HTTP " + status : "the script got " + error;
    }
}
