package org.iskra.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Builds the frame of a page: every page names its versions in other languages and its canonical address. */
@Component
public class PageFrames {

    private final MessageSource messageSource;
    private final Languages languages;
    private final IskraProperties properties;
    private final FingerprintedAssets assets;
    private final InterfaceLanguages interfaceLanguages;
    private final ObjectProvider<StaffShells> shells;

    PageFrames(MessageSource messageSource, Languages languages, IskraProperties properties,
               FingerprintedAssets assets, InterfaceLanguages interfaceLanguages, ObjectProvider<StaffShells> shells) {
        this.shells = shells;
        this.messageSource = messageSource;
        this.languages = languages;
        this.properties = properties;
        this.assets = assets;
        this.interfaceLanguages = interfaceLanguages;
    }

    /** Interface text for a page in {@code language}, in that language or the one it falls back to. */
    public Messages messages(Language language) {
        return new Messages(messageSource, language, interfaceLanguages.forContentIn(language));
    }

    /**
     * @param path     this page's path, e.g. {@code /en/articles/slug}
     * @param versions the same page in each language it exists in (language code → path), this one included
     * @param xDefault the version for readers whose language is none of them (usually the original's or the
     *                 default language's), or null
     */
    public PageFrame frame(Language language, String title, String description, String path,
                           Map<String, String> versions, String xDefault) {
        List<Alternate> alternates = alternates(versions, xDefault);
        List<LanguageLink> menu = new ArrayList<>();
        for (Language other : languages.all()) {
            String href = versions.getOrDefault(other.code(), "/" + other.code() + "/");
            // through /language/ so that the choice is remembered for the next visit to /
            String choose = "/language/" + other.code() + "?next=" + java.net.URLEncoder.encode(href, java.nio.charset.StandardCharsets.UTF_8);
            menu.add(new LanguageLink(other.code(), other.nativeName(), choose, other.equals(language)));
        }
        Messages t = messages(language);
        List<String> otherLocales = versions.keySet().stream().filter(code -> !code.equals(language.code()))
                .map(code -> new Language(code).openGraphLocale()).toList();
        SocialMeta social = SocialMeta.website(title, description, absolute(path), t.get("site.name"),
                language.openGraphLocale(), otherLocales);
        return new PageFrame(t, title, description, absolute(path), alternates, menu,
                assets.stylesheetPath(), false, languageFeeds(t), social, null, null, null, null);
    }

    /**
     * The {@code hreflang} alternates of a page that exists in these versions: none for a page in one language
     * only, else every version and the {@code x-default}. Sitemaps list the same.
     */
    public List<Alternate> alternates(Map<String, String> versions, String xDefault) {
        List<Alternate> alternates = new ArrayList<>();
        if (versions.size() > 1) {
            versions.forEach((code, href) -> alternates.add(new Alternate(code, absolute(href))));
            if (xDefault != null) {
                alternates.add(new Alternate("x-default", absolute(xDefault)));
            }
        }
        return alternates;
    }

    /**
     * The Atom and RSS feeds of a listing ({@code /en/regions/caucasus} → {@code /en/regions/caucasus/feed.atom}),
     * for the head of the listing's page.
     */
    public List<HeadLink> listingFeeds(Language language, String listingPath, String listingName) {
        Messages t = messages(language);
        return List.of(
                HeadLink.feed(HeadLink.ATOM, t.get("feed.link.atom.listing", listingName), listingPath + "/feed.atom"),
                HeadLink.feed(HeadLink.RSS, t.get("feed.link.rss.listing", listingName), listingPath + "/feed.rss"));
    }

    /** Every page names its language's feeds. */
    private static List<HeadLink> languageFeeds(Messages t) {
        String code = t.language().code();
        return List.of(
                HeadLink.feed(HeadLink.ATOM, t.get("feed.link.atom"), "/" + code + "/feed.atom"),
                HeadLink.feed(HeadLink.RSS, t.get("feed.link.rss"), "/" + code + "/feed.rss"));
    }

    /**
     * A frame for the back office: not for search engines, in the staff layout (its navigation made for the
     * request being answered, so that no controller has to pass who is signed in).
     */
    public PageFrame backOfficeFrame(Language language, String title) {
        return unlistedFrame(language, title, assets.path("assets/staff.css")).withStaff(shellOfThisRequest());
    }

    /** A frame for a document made in the back office but read by someone else (a data subject's export). */
    public PageFrame documentFrame(Language language, String title) {
        return unlistedFrame(language, title, null);
    }

    private StaffShell shellOfThisRequest() {
        StaffShells staffShells = shells.getIfAvailable();
        if (staffShells != null
                && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            return staffShells.of(request).withLogout(token == null ? null : new CsrfField(token));
        }
        return StaffShell.beforeLogin();
    }

    /** A frame for pages search engines should not keep (errors). */
    public PageFrame errorFrame(Language language, String title) {
        return unlistedFrame(language, title, null);
    }

    private PageFrame unlistedFrame(Language language, String title, String staffStylesheet) {
        List<LanguageLink> menu = languages.all().stream()
                .map(l -> new LanguageLink(l.code(), l.nativeName(), "/" + l.code() + "/", l.equals(language)))
                .toList();
        Messages t = messages(language);
        return new PageFrame(t, title, "", null, List.of(), menu, assets.stylesheetPath(), true, languageFeeds(t),
                null, null, null, staffStylesheet, null);
    }

    /** The path of a script or stylesheet such as {@code assets/site.css}, named by its content so it can be kept long. */
    public String assetPath(String resource) {
        return assets.path(resource);
    }

    /** The bytes of an asset by the path pages link to ({@code /assets/site.0123456789ab.css}), for the mirror. */
    public java.util.Optional<byte[]> assetBytes(String servedPath) {
        return assets.bytes(servedPath);
    }

    public String absolute(String path) {
        return properties.baseUrl() + path;
    }
}
