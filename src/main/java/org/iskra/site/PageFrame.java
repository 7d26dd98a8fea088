package org.iskra.site;

import java.util.List;

/** What the layout needs around every page's content: language, head links and menus. */
public record PageFrame(
        Messages t,
        String title,
        String description,
        String canonicalUrl,
        List<Alternate> alternates,
        List<LanguageLink> languageMenu,
        String stylesheet,
        boolean noindex) {

    public Language language() {
        return t.language();
    }

    public String home() {
        return "/" + language().code() + "/";
    }
}
