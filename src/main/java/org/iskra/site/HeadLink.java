package org.iskra.site;

/** A {@code <link>} in the page head that is not a language version, e.g. a feed: {@code rel}, MIME type, title. */
public record HeadLink(String rel, String type, String title, String href) {

    public static final String ATOM = "application/atom+xml";
    public static final String RSS = "application/rss+xml";

    public static HeadLink feed(String type, String title, String href) {
        return new HeadLink("alternate", type, title, href);
    }
}
