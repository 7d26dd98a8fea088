package org.iskra.site;

import java.util.ArrayList;
import java.util.List;

/**
 * What an attacker, or a careless paste, sends: bodies that try to run a script (each calls {@code pwned(…)}, which
 * the browser test watches), to load something from elsewhere, or to make a parser slow; query strings, headers and
 * methods nobody's browser sends. Shared by the fuzzing tests.
 */
final class HostileInput {

    private HostileInput() {
    }

    /** One hostile body and what it is about. */
    record Body(String name, String markdown) {
    }

    static List<Body> bodies() {
        List<Body> bodies = new ArrayList<>(List.of(
                new Body("script", "Text.\n\n<script>pwned('script')</script>\n\n<script src=\"https://evil.example/x.js\"></script>"),
                new Body("event handlers", "<img src=x onerror=\"pwned('onerror')\"> <b onmouseover=pwned('hover')>b</b>"
                        + " <details open ontoggle=pwned('toggle')><summary>s</summary></details>"
                        + " <body onload=pwned('body')> <input autofocus onfocus=pwned('focus')>"),
                new Body("javascript links", "[md](javascript:pwned('md')) [case](JaVaScRiPt:pwned('case'))"
                        + " [tab](java\tscript:pwned('tab')) [entity](&#106;avascript:pwned('entity'))"
                        + " <a href=\"javascript:pwned('a')\">a</a> <javascript:pwned('autolink')>"
                        + " [title](https://example.org \"\\\" onmouseover=\\\"pwned('title')\")"),
                new Body("data links", "[data](data:text/html;base64,PHNjcmlwdD5wd25lZCgnZGF0YScpPC9zY3JpcHQ+)"
                        + " <a href=\"data:text/html,<script>pwned('data-a')</script>\">d</a>"
                        + "\n\n![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9cHduZWQoJ3N2Zy1kYXRhJyk+PC9zdmc+)"),
                new Body("svg", "<svg onload=\"pwned('svg')\"><script>pwned('svg-script')</script>"
                        + "<a xlink:href=\"javascript:pwned('xlink')\"><text x=0 y=20>x</text></a>"
                        + "<animate attributeName=href to=javascript:pwned('animate') /></svg>"),
                new Body("mathml", "<math><mtext><table><mglyph><style><img src=x onerror=pwned('mxss')>"
                        + "</style></mglyph></table></mtext></math>\n\n<math href=\"javascript:pwned('math')\">m</math>"),
                new Body("iframes and objects", "<iframe src=\"javascript:pwned('iframe')\"></iframe>"
                        + "<iframe srcdoc=\"<script>top.pwned('srcdoc')</script>\"></iframe>"
                        + "<object data=\"javascript:pwned('object')\"></object><embed src=\"javascript:pwned('embed')\">"
                        + "<form action=\"javascript:pwned('form')\"><button>go</button></form>"
                        + "<meta http-equiv=refresh content=\"0;url=javascript:pwned('meta')\"><base href=\"https://evil.example/\">"),
                new Body("styles", "<style>body{background:url(https://evil.example/track.png)}</style>"
                        + "<div style=\"background:url(javascript:pwned('style'))\">styled</div>"
                        + "<link rel=stylesheet href=https://evil.example/x.css>"),
                new Body("remote images", "![remote](https://example.org/t.png)\n\nInline ![pixel](https://tracker.example/p.gif)"
                        + " and <img src=\"https://example.org/raw.png\" alt=\"raw\">\n\n"
                        + "{{< figure src=\"https://example.org/f.jpg\" alt=\"elsewhere\" caption=\"a caption\" >}}\n\n"
                        + "![protocol-relative](//example.org/p.png)"),
                new Body("hostile figures", "{{< figure src=\"javascript:pwned('figure-src')\" alt=\"j\" >}}\n\n"
                        + "{{< figure src=\"x\" alt=\"\\\" onerror=\\\"pwned('alt')\" caption=\"<script>pwned('caption')</script>\""
                        + " attr=\"<b onclick=pwned('credit')>c</b>\" attrlink=\"javascript:pwned('credit-link')\" >}}\n\n"
                        + "{{< figure >}}\n\n{{< figure src=\"media:" + "0".repeat(64) + "\" alt=\"not stored\" >}}"),
                new Body("unterminated shortcodes", "{{< figure src=\"a\n\n{{<figure\n\n{{% figure %}\n\n{{< figure alt='x"
                        + "\n\n{{< figure src=\"x\" >}"),
                new Body("headings and tables", "## \"><script>pwned('heading')</script>\n\n# <img src=x onerror=pwned('h1')>\n\n"
                        + "| a | <script>pwned('cell')</script> |\n|---|---|\n| <img src=x onerror=pwned('td')> | [x](javascript:pwned('table')) |"),
                new Body("controls and bidi", "A\u0000B\u0007C\u202eD\u2028E\uFEFF\uD800 lone surrogate"),
                new Body("500 kB of spaces", " ".repeat(500_000)),
                new Body("an unclosed figure and spaces", "{{<figure" + " ".repeat(499_990)),
                new Body("many unclosed figures", "{{< figure src=\"x\" ".repeat(25_000)),
                new Body("nested brackets", "[".repeat(100_000) + "x" + "](y)".repeat(1_000)),
                new Body("emphasis", "*a _b ".repeat(60_000)),
                new Body("angle brackets and backticks", "<".repeat(150_000) + "`".repeat(150_000)),
                new Body("images in images", "![".repeat(80_000) + "x](y)"),
                new Body("nested quotes and lists", "> ".repeat(5_000) + "deep\n\n" + "- ".repeat(5_000) + "deep"),
                new Body("link references", "[a]: https://example.org\n".repeat(10_000) + "[a] ".repeat(10_000))));
        return bodies;
    }

    /** Query strings appended to every public route. */
    static List<String> queries() {
        return List.of("", "?", "?%", "?q=%", "?page=%zz", "?page=%00", "?page=-1", "?page=0",
                "?page=99999999999999999999", "?page=1&page=2", "?page=1e3", "?q=%C0%AF", "?q=%E2%80", "?q=%ff%fe",
                "?q=" + "a".repeat(10_000), "?q=%3Cscript%3Epwned()%3C/script%3E", "?from=//evil.example",
                "?from=%2F%2Fevil.example", "?from=%0d%0aSet-Cookie:%20x=1", "?lang=../../etc/passwd",
                "?all=1&q=" + "x*+".repeat(150), "?sort=%0d%0aX:1", "?a[]=1&a[b]=2", "?=&&=&=x", "?region=" + "a-".repeat(150),
                "?country=%00%00", "?to=9999-99-99&from=0000-00-00", "?lang=%", "?token=" + "A".repeat(5_000),
                "?fbclid=IwAR" + "Zx9".repeat(30) + "&utm_source=facebook");
    }

    /** Headers sent, one at a time, with a plain GET of every public route. */
    static List<String> headers() {
        return List.of("Accept-Language: *;q=abc", "Accept-Language: " + "x-".repeat(3_000) + "x",
                "Accept-Language: ,,,;;;==", "Accept-Language: ru-RU-x-" + "\u00e9".repeat(10), "Accept: */*;q=",
                "Accept: application/json", "Accept: text/html;level=1;q=x, image/*;;", "Accept-Encoding: gzip;q=abc, br",
                "If-None-Match: *", "If-None-Match: \"" + "x".repeat(5_000) + "\"", "If-Modified-Since: yesterday",
                "If-Modified-Since: Mon, 99 Foo 9999 99:99:99 GMT", "Range: bytes=abc", "Range: bytes=999999-1",
                "Cookie: ISKRA_STAFF=garbage; =; a", "Cookie: " + "c=x; ".repeat(500), "X-Forwarded-For: not-an-ip, ::::, 999.1.1.1",
                "X-Forwarded-Proto: gopher", "X-Forwarded-Host: evil.example", "Forwarded: for=\"[::1]:x\";proto=https",
                "User-Agent: " + "Mozilla ".repeat(1_000), "Content-Type: multipart/form-data; boundary=",
                "Origin: null", "Referer: javascript:pwned()");
    }

    /** Methods sent to every public route, with a body that is not a form. */
    static List<String> methods() {
        return List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "FOO");
    }

    /** Form bodies posted to the public forms. */
    static List<String> formBodies() {
        return List.of("", "%", "name=%E2%80&email=%", "=&&=", "name=" + "x".repeat(120_000), "a[]=1&a[b]=2&a=3",
                "email=a%00b%40example.org&consent=yes&token=" + "A".repeat(5_000));
    }
}
