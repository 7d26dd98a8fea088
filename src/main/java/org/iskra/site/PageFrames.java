package org.iskra.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Builds the frame of a page: every page names its versions in other languages and its canonical address. */
@Component
public class PageFrames {

    private final MessageSource messageSource;
    private final Languages languages;
    private final IskraProperties properties;
    private final Assets assets;

    PageFrames(MessageSource messageSource, Languages languages, IskraProperties properties, Assets assets) {
        this.messageSource = messageSource;
        this.languages = languages;
        this.properties = properties;
        this.assets = assets;
    }

    public Messages messages(Language language) {
        return new Messages(messageSource, language);
    }

    /**
     * @param path     this page's path, e.g. {@code /en/articles/slug}
     * @param versions the same page in each language it exists in (language code → path), this one included
     * @param xDefault the version for readers whose language is none of them (usually the original's or the
     *                 default language's), or null
     */
    public PageFrame frame(Language language, String title, String description, String path,
                           Map<String, String> versions, String xDefault) {
        List<Alternate> alternates = new ArrayList<>();
        if (versions.size() > 1) {
            versions.forEach((code, href) -> alternates.add(new Alternate(code, absolute(href))));
            if (xDefault != null) {
                alternates.add(new Alternate("x-default", absolute(xDefault)));
            }
        }
        List<LanguageLink> menu = new ArrayList<>();
        for (Language other : languages.all()) {
            String href = versions.getOrDefault(other.code(), "/" + other.code() + "/");
            // through /language/ so that the choice is remembered for the next visit to /
            String choose = "/language/" + other.code() + "?next=" + java.net.URLEncoder.encode(href, java.nio.charset.StandardCharsets.UTF_8);
            menu.add(new LanguageLink(other.code(), other.nativeName(), choose, other.equals(language)));
        }
        return new PageFrame(messages(language), title, description, absolute(path), alternates, menu,
                assets.stylesheetPath(), false);
    }

    /** A frame for the back office: not for search engines, language menu leading to the public front pages. */
    public PageFrame backOfficeFrame(Language language, String title) {
        return errorFrame(language, title);
    }

    /** A frame for pages search engines should not keep (errors). */
    public PageFrame errorFrame(Language language, String title) {
        List<LanguageLink> menu = languages.all().stream()
                .map(l -> new LanguageLink(l.code(), l.nativeName(), "/" + l.code() + "/", l.equals(language)))
                .toList();
        return new PageFrame(messages(language), title, "", null, List.of(), menu, assets.stylesheetPath(), true);
    }

    public String absolute(String path) {
        return properties.baseUrl() + path;
    }
}
