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
 * the cached page: within the token's lifetime the block subscribes at once, after it the reader gets the full form
 * with what was typed and a fresh token, to send again. No script: the article page carries none (it is what most
 * readers on slow phones load, and it scores 100 in every Lighthouse category). In a static copy of the site the block is a
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
                options.regions(language, List.of()), frames.absolute(base), staticCopy);
        return new String(renderer.render("newsletter/block.jte", model), java.nio.charset.StandardCharsets.UTF_8);
    }
}
