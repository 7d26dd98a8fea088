package org.iskra.feeds;

import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Article HTML made to work away from the site: a feed reader shows it on another host, where {@code /media/…}
 * and {@code #section} would lead nowhere, so every link and image address is made absolute.
 */
final class AbsoluteLinks {

    private AbsoluteLinks() {
    }

    static String in(String html, String pageUrl) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        Document document = Jsoup.parseBodyFragment(html, pageUrl);
        document.outputSettings().prettyPrint(false);
        for (String attribute : new String[] {"href", "src"}) {
            for (Element element : document.body().select("[" + attribute + "]")) {
                String absolute = element.absUrl(attribute);
                if (!absolute.isEmpty()) {
                    element.attr(attribute, absolute);
                }
            }
        }
        URI base = URI.create(pageUrl);
        for (Element element : document.body().select("[srcset]")) {
            element.attr("srcset", Arrays.stream(element.attr("srcset").split(","))
                    .map(String::strip)
                    .map(candidate -> resolveCandidate(base, candidate))
                    .collect(Collectors.joining(", ")));
        }
        return document.body().html();
    }

    /** A srcset candidate is an address and an optional width or density ({@code /media/a.jpg 480w}). */
    private static String resolveCandidate(URI base, String candidate) {
        int space = candidate.indexOf(' ');
        String address = space < 0 ? candidate : candidate.substring(0, space);
        String descriptor = space < 0 ? "" : candidate.substring(space);
        try {
            return base.resolve(address) + descriptor;
        } catch (IllegalArgumentException unparseable) {
            return candidate;
        }
    }
}
