package lab.victim.web;

import java.util.List;
import lab.victim.data.Message;
import lab.victim.data.Post;
import lab.victim.data.Profile;

/** The logged-in home page: the public feed beside the user's private profile and messages. */
public record HomePage(Profile profile, List<Message> messages, List<Post> feed) {
}
