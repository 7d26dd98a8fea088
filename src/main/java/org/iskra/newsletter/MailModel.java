package org.iskra.newsletter;

import java.util.List;

import org.iskra.site.Messages;

/** The model of a copy's HTML ({@code newsletter/mail.jte}): every link absolute, as mail needs. */
public record MailModel(Messages t, String subject, String intro, List<Entry> entries, String siteUrl,
                        String manageUrl, String unsubscribeUrl) {

    /** An article in a copy. */
    public record Entry(String title, String standfirst, String url, String imageUrl) {
    }
}
