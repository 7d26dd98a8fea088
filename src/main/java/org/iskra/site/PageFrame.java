package org.iskra.site;

import java.util.ArrayList;
import java.util.List;

/**
 * What the layout needs around every page's content: language, head links and menus.
 *
 * @param feeds          feed links for the head, the most specific first
 * @param social         Open Graph and Twitter card tags, or null for pages not worth sharing (errors)
 * @param structuredData a schema.org JSON-LD document, or null
 * @param csrf           the CSRF field of the page's forms (back-office pages, see {@link Reader#backOfficeFrame}),
 *                       or null: public pages are cached and shared, so they never carry one
 * @param staffStylesheet the back office's own stylesheet, after the site's, or null on public pages: readers on
 *                       slow phones never download the staff screens' rules
 * @param staff          the staff layout's navigation and who is signed in, or null: the page is a reader's (or a
 *                       document such as a data subject's export) and has the readers' header
 */
public record PageFrame(
        Messages t,
        String title,
        String description,
        String canonicalUrl,
        List<Alternate> alternates,
        List<LanguageLink> languageMenu,
        String stylesheet,
        boolean noindex,
        List<HeadLink> feeds,
        SocialMeta social,
        StructuredData structuredData,
        CsrfField csrf,
        String staffStylesheet,
        StaffShell staff) {

    public PageFrame {
        feeds = List.copyOf(feeds);
    }

    public Language language() {
        return t.language();
    }

    /** The language menu's entry for this page's language, which the header's language picker shows closed. */
    public LanguageLink currentLanguage() {
        return languageMenu.stream().filter(LanguageLink::current).findFirst()
                .orElseGet(() -> new LanguageLink(language().code(), language().nativeName(), home(), true));
    }

    public String home() {
        return "/" + language().code() + "/";
    }

    /** This frame with more feed links before the ones it has: a listing's own feeds come before its language's. */
    public PageFrame withFeedsFirst(List<HeadLink> more) {
        List<HeadLink> all = new ArrayList<>(more);
        all.addAll(feeds);
        return new PageFrame(t, title, description, canonicalUrl, alternates, languageMenu, stylesheet, noindex, all,
                social, structuredData, csrf, staffStylesheet, staff);
    }

    public PageFrame withSocial(SocialMeta social) {
        return new PageFrame(t, title, description, canonicalUrl, alternates, languageMenu, stylesheet, noindex, feeds,
                social, structuredData, csrf, staffStylesheet, staff);
    }

    public PageFrame withStructuredData(StructuredData structuredData) {
        return new PageFrame(t, title, description, canonicalUrl, alternates, languageMenu, stylesheet, noindex, feeds,
                social, structuredData, csrf, staffStylesheet, staff);
    }

    /** This frame in the staff layout, with its navigation and who is signed in. */
    public PageFrame withStaff(StaffShell staff) {
        return new PageFrame(t, title, description, canonicalUrl, alternates, languageMenu, stylesheet, noindex, feeds,
                social, structuredData, csrf, staffStylesheet, staff);
    }

    public PageFrame withCsrf(CsrfField csrf) {
        return new PageFrame(t, title, description, canonicalUrl, alternates, languageMenu, stylesheet, noindex, feeds,
                social, structuredData, csrf, staffStylesheet, staff);
    }
}
