package lab.victim.web;

import java.util.List;
import lab.victim.data.Message;
import lab.victim.data.Profile;

/** The body of {@code GET /api/me}: everything private about the logged-in user. */
public record MeResponse(String username, String displayName, String email, String phone, List<MessageJson> messages) {

    /** A private message as the API shows it; times are ISO-8601 text, as scripts read them. */
    public record MessageJson(String from, String body, String sentAt) {
    }

    static MeResponse of(Profile profile, List<Message> messages) {
        return new MeResponse(profile.username(), profile.displayName(), profile.email(), profile.phone(),
                messages.stream().map(m -> new MessageJson(m.from(), m.body(), m.sentAt().toString())).toList());
    }
}
