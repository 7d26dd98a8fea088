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
 * the other languages and the regions folded away. It carries no form token: the article page is cached and
 * revalidated by its ETag, and a token (a signed time) would make every rendering of the page different. What the
 * block sends comes back as the full newsletter form, filled in, with a fresh token, for the reader to confirm; a
 * script fetching tokens is left out too, since the article page carries none. In a static copy of the site the block is a
 * link to the newsletter page instead.
 */
@Component
class SignupBlock implements ArticleFooterBlock {

    private final SignupOptions options;
    private final PageRenderer renderer;
    private final PageFrames frames;

    SignupBlock(SignupOptions options, PageRenderer renderer, PageFrames frames) {
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
        BlockModel model = new BlockModel(t, base, article.path(), own,
                languages.stream().filter(o -> !o.value().equals(language.code())).toList(),
                options.regions(language, List.of()), frames.absolute(base), staticCopy);
        return new String(renderer.render("newsletter/block.jte", model), java.nio.charset.StandardCharsets.UTF_8);
    }
}
