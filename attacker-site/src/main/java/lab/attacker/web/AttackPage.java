package lab.attacker.web;

/**
 * An attack page as the shell ({@code attack-page.jte}) lays it out. Every part is the lab's own text, from the
 * build, and the markup and scripts are the lesson itself, so none is escaped: a part that is text (title, banner,
 * backstage) is already written as HTML text in the page.
 *
 * @param title     the page's title
 * @param banner    the spam banner's words
 * @param backstage what the backstage box says before the attack has a result
 * @param head      the page's own styles, if any
 * @param markup    the page's own content, above the backstage box
 * @param scripts   the page's own scripts, which run after the configuration and the kit
 * @param config    the script that tells the page where the victim and the attacker live
 * @param kitCss    the look every page shares
 * @param kitJs     the script every page shares
 */
public record AttackPage(
        String title,
        String banner,
        String backstage,
        String head,
        String markup,
        String scripts,
        String config,
        String kitCss,
        String kitJs) {}
