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

    public record Settings(Viewer viewer, Profile profile, String notice, String error) {}
}
