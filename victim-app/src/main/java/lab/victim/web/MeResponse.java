package lab.victim.web;

import java.util.List;
import lab.victim.data.Message;
import lab.victim.data.Profile;

/** The body of {@code GET /api/me}: everything private about the logged-in user. */
public record MeResponse(
        String username, String displayName, String email, String phone, List<ProfileController.MessageJson> messages) {

    static MeResponse of(Profile profile, List<Message> messages) {
        return new MeResponse(
                profile.username(),
                profile.displayName(),
                profile.email(),
                profile.phone(),
                messages.stream().map(ProfileController.MessageJson::of).toList());
    }
}
