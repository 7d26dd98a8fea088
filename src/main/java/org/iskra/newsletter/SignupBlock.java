package org.iskra.newsletter;

import java.util.List;

import org.iskra.articles.ArticleFooterBlock;
import org.iskra.articles.PublishedArticle;
import org.iskra.site.Language;
import org.iskra.site.Messages;
import org.iskra.site.PageFrames;
import org.iskra.site.PageRenderer;
import org.springframework.stereotype.Component;

/**
 * The small subscription form under every article, beside the join block: the address, the page's language ticked,
 * the other languages and the regions folded away. The article page is cached, so the form's token is as old as
 * the cached page: its script fetches a fresh one when the block comes into view, and without the script an old
 * token leads to the full form with what was typed, to send again. In a static copy of the site the block is a
 * link to the newsletter page instead.
 */
@Component
class SignupBlock implements ArticleFooterBlock {

    private final NewsletterFormTokens tokens;
    private final SignupOptions options;
    private final PageRenderer renderer;
    private final PageFrames frames;

    SignupBlock(NewsletterFormTokens tokens, SignupOptions options, PageRenderer renderer, PageFrames frames) {
        this.tokens = tokens;
        this.options = options;
        this.renderer = renderer;
        this.frames = frames;
    }

    @Override
    public String html(PublishedArticle article, Messages t, boolean staticCopy) {
        Language language = t.language();
        String base = "/" + language.code() + "/newsletter";
        List<Option> languages = options.languages(List.of(language.code()));
        Option own = languages.stream().filter(o -> o.value().equals(language.code())).findFirst()
                .orElse(new Option(language.code(), language.nativeName(), language.code(), true));
        BlockModel model = new BlockModel(t, base, tokens.issue(), article.path(), own,
                languages.stream().filter(o -> !o.value().equals(language.code())).toList(),
                options.regions(language, List.of()), frames.absolute(base), frames.assetPath("assets/newsletter.js"),
                base + "/token", staticCopy);
        return new String(renderer.render("newsletter/block.jte", model), java.nio.charset.StandardCharsets.UTF_8);
    }
}
