package lab.victim.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.util.Map;

/** Renders the precompiled jte templates of this module (no template is compiled at run time). */
final class JteRenderer implements FileRenderer {

    private final TemplateEngine engine =
            TemplateEngine.createPrecompiled(null, ContentType.Html, null, "lab.victim.jte");

    @Override
    public String render(String template, Map<String, ?> model, Context ctx) {
        StringOutput output = new StringOutput();
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) model;
        engine.render(template, params, output);
        return output.toString();
    }
}
