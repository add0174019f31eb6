package lab.attacker.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Wraps a scenario's attack page in the shell every attack page shares ({@code attack-page.jte}: the document,
 * its head, the spam banner, the backstage box, the configuration and the kit), so that a scenario's
 * {@code attack.html} holds only what is its own:
 *
 * <pre>{@code
 * <title>Congratulations! You are today's winner</title>
 * <meta name="banner" content="YOU WON!">
 * <meta name="backstage" content="Asking the social site for your profile...">
 * <meta name="address-space" content="public">  (optional: served as a public page, see below)
 * <style>...</style>            (optional: the page's own look, into the head)
 * <div class="prize">...</div>  (the page's content, above the backstage box)
 * <script>...</script>          (from the first script on: run after the configuration and the kit)
 * }</pre>
 *
 * <p>A page with {@code <meta name="address-space" content="public">} is served with the response header
 * {@code Content-Security-Policy: treat-as-public-address}: the browser then treats it as a page of the public
 * internet although it comes from loopback, as the Local Network Access lesson needs (browser facts 28).
 */
final class PageShell {

    private static final Pattern PUBLIC_ADDRESS_SPACE =
            Pattern.compile("<meta name=\"address-space\" content=\"public\">\s*");

    private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>\\s*");
    private static final Pattern STYLE = Pattern.compile("<style\\b[^>]*>.*?</style>\\s*", Pattern.DOTALL);
    private static final Pattern SCRIPTS = Pattern.compile("<script\\b.*", Pattern.DOTALL);

    private final TemplateEngine templates =
            TemplateEngine.createPrecompiled(null, ContentType.Html, null, "lab.attacker.jte");

    /**
     * @param name   where the page comes from, for the message when it lacks a part
     * @param page   the scenario's attack page, as written
     * @throws IllegalArgumentException when the page lacks its title, banner or backstage text
     */
    String render(String name, String page, String config, String kitCss, String kitJs) {
        StringBuilder rest =
                new StringBuilder(PUBLIC_ADDRESS_SPACE.matcher(page).replaceFirst(""));
        String title = take(TITLE, rest, name, "<title>...</title>");
        String banner = meta(rest, name, "banner");
        String backstage = meta(rest, name, "backstage");
        Matcher scripts = SCRIPTS.matcher(rest);
        boolean hasScripts = scripts.find();
        String scriptPart = hasScripts ? scripts.group().strip() : "";
        StringBuilder markup = new StringBuilder(hasScripts ? rest.substring(0, scripts.start()) : rest);
        StringBuilder head = new StringBuilder();
        for (Matcher style = STYLE.matcher(markup); style.find(); style = STYLE.matcher(markup)) {
            head.append("  ").append(style.group().strip()).append('\n');
            markup.delete(style.start(), style.end());
        }
        AttackPage parts = new AttackPage(
                title,
                banner,
                backstage,
                head.toString(),
                indent(markup.toString().strip(), "    "),
                indent(scriptPart, "  "),
                config.strip(),
                kitCss,
                kitJs);
        StringOutput output = new StringOutput();
        templates.render("attack-page.jte", parts, output);
        return output.toString();
    }

    /** Whether {@code page} asks to be served as a page of the public internet. */
    static boolean isPublic(String page) {
        return PUBLIC_ADDRESS_SPACE.matcher(page).find();
    }

    /** {@code <meta name="KEY" content="...">}: text that goes into the shell, so it may hold no markup. */
    private static String meta(StringBuilder page, String name, String key) {
        Pattern tag = Pattern.compile("<meta name=\"" + key + "\" content=\"([^\"<]*)\">\\s*");
        return take(tag, page, name, "<meta name=\"" + key + "\" content=\"...\">");
    }

    /** The first group of {@code part} in {@code page}, which is removed from there. */
    private static String take(Pattern part, StringBuilder page, String name, String wanted) {
        Matcher matcher = part.matcher(page);
        if (!matcher.find()) {
            throw new IllegalArgumentException(name + ": an attack page needs " + wanted + " (see PageShell)");
        }
        String found = matcher.group(1);
        page.delete(matcher.start(), matcher.end());
        return found;
    }

    /** Each line moved in by {@code prefix}, to sit inside the shell's {@code <main>} or {@code <body>}. */
    private static String indent(String text, String prefix) {
        return text.lines().map(line -> line.isBlank() ? "" : prefix + line).collect(Collectors.joining("\n"));
    }
}
