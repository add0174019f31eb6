package lab.victim.web;

import java.util.List;
import lab.victim.data.Message;
import lab.victim.data.Post;
import lab.victim.data.Profile;

/** The typed models of the site's pages, one record per template. */
public final class Pages {

    private Pages() {}

    /** The home page: the feed with a box to post, beside the user's private profile and messages. */
    public record Home(Viewer viewer, Profile profile, List<Message> messages, List<Post> feed, String error) {}

    public record Messages(Viewer viewer, List<Message> messages) {}

    /** A user's public profile; {@code viewer} is null for anonymous visitors. */
    public record PublicProfile(Viewer viewer, String username, String displayName, List<Post> posts) {}

    /** @param shownEmail the address in the form: the current one, or one proposed by {@code ?email=} */
    public record Settings(Viewer viewer, Profile profile, String notice, String error, String shownEmail) {}

    /**
     * The embeddable widget: who is signed in (null names when nobody), the profile it posts as JSON ("null"
     * when nobody), the target origin it posts to (null: it posts nothing), and what its cookie jar held.
     */
    public record Widget(String displayName, String email, String profileJson, String target, String visit) {}
}
