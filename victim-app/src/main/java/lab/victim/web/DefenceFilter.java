package lab.victim.web;

import io.javalin.http.Context;
import java.util.Optional;
import lab.victim.auth.LoginTokens;
import lab.victim.auth.Session;
import lab.victim.defence.Defence;
import lab.victim.defence.DefenceSettings;
import lab.victim.defence.Defences;
import lab.victim.defence.GuardedRequest;
import lab.victim.defence.RequestGuard.Refusal;

/**
 * The request-refusing defences, checked before any handler: every defence's request guard, in registry
 * order (see {@link lab.victim.defence.DefenceRegistry}); the first refusal ends the request.
 */
final class DefenceFilter {

    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String CSRF_FIELD = "_csrf";

    static final String DOUBLE_SUBMIT_COOKIE = "csrf";

    private final DefenceSettings defences;
    private final Site site;
    private final LoginTokens loginTokens;

    DefenceFilter(DefenceSettings defences, Site site, LoginTokens loginTokens) {
        this.defences = defences;
        this.site = site;
        this.loginTokens = loginTokens;
    }

    void check(Context ctx) {
        Defences current = defences.current();
        GuardedRequest request = new LiveRequest(ctx, site, current, loginTokens);
        for (Defence<?> defence : Defence.values()) {
            Optional<Refusal> refusal = defence.refusal(current, request);
            if (refusal.isPresent()) {
                throw new RefusedByDefence(
                        defence, refusal.get().status(), refusal.get().reason());
            }
        }
    }

    /** The guards' view of the request being filtered; each answer is read only when a guard asks. */
    private record LiveRequest(Context ctx, Site site, Defences defences, LoginTokens loginTokens)
            implements GuardedRequest {

        @Override
        public String method() {
            return ctx.method().name();
        }

        @Override
        public String path() {
            return ctx.path();
        }

        @Override
        public String header(String name) {
            return ctx.header(name);
        }

        @Override
        public String queryParam(String name) {
            return ctx.queryParam(name);
        }

        @Override
        public String ownHostHeader() {
            return site.ownHostHeader(ctx);
        }

        @Override
        public boolean isAllowedOrigin(String origin) {
            return site.isAllowedOrigin(ctx, origin);
        }

        @Override
        public Optional<Session> session() {
            return CurrentSession.of(ctx);
        }

        @Override
        public String doubleSubmitCookie() {
            return ctx.cookie(defences.cookiePrefix().cookieName(DOUBLE_SUBMIT_COOKIE));
        }

        @Override
        public boolean carriesLoginToken() {
            return loginTokens.matches(ctx.cookie(LoginTokens.COOKIE_NAME), presentedCsrfToken());
        }

        @Override
        public String presentedCsrfToken() {
            String header = ctx.header(CSRF_HEADER);
            if (header != null) {
                return header;
            }
            String mediaType = JsonBody.mediaType(ctx.contentType());
            return mediaType.equals("application/x-www-form-urlencoded") || mediaType.equals("multipart/form-data")
                    ? ctx.formParam(CSRF_FIELD)
                    : null;
        }
    }
}
